import { batch, createEffect, createSignal, on, onCleanup, untrack, type Accessor } from 'solid-js';
import type { LiveResult } from './live';
import { alreadyRead, subscribeLive, type LiveInput } from './live-source';

/**
 * A Dexie live query as plain signals: each result replaces the last one whole. For values read
 * and shown whole (the settings, a count, the dashboard's data), where `createLiveQuery`'s
 * row-by-row reconcile would only cost time. Given a shared source (`{ shared }`) that a route
 * has already read, it starts with that value, in the screen's first render.
 */
export function createLiveValue<T, D = undefined>(query: LiveInput<T, D>, initial: T, deps: Accessor<D> = () => undefined as D): LiveResult<T> {
  const first = untrack(() => alreadyRead(query, deps()));
  const [value, setValue] = createSignal<T>(first && 'value' in first ? first.value : initial, { equals: false });
  const [loading, setLoading] = createSignal(!first);
  const [error, setError] = createSignal<unknown>(first && 'error' in first ? first.error : undefined);
  createEffect(
    on(deps, (d) => {
      if (!alreadyRead(query, d)) setLoading(true);
      const stop = subscribeLive(query, d, (snapshot) =>
        batch(() => {
          if ('value' in snapshot) {
            if (value() !== snapshot.value) setValue(() => snapshot.value);
            setError(undefined);
          } else setError(() => snapshot.error);
          setLoading(false);
        }),
      );
      onCleanup(stop);
    }),
  );
  return {
    get value() {
      return value();
    },
    get loading() {
      return loading();
    },
    get error() {
      return error();
    },
  };
}
