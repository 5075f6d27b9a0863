import { liveQuery } from 'dexie';
import { batch, createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import type { LiveResult } from './live';

/**
 * A Dexie live query as plain signals: each result replaces the last one whole. For values read
 * and shown whole (the settings, a count, the dashboard's data), where `createLiveQuery`'s
 * row-by-row reconcile would only cost time.
 */
export function createLiveValue<T, D = undefined>(
  query: (deps: D) => T | Promise<T>,
  initial: T,
  deps: Accessor<D> = () => undefined as D,
): LiveResult<T> {
  const [value, setValue] = createSignal<T>(initial, { equals: false });
  const [loading, setLoading] = createSignal(true);
  const [error, setError] = createSignal<unknown>();
  createEffect(
    on(deps, (d) => {
      setLoading(true);
      const subscription = liveQuery(() => query(d)).subscribe({
        next: (next) =>
          batch(() => {
            setValue(() => next);
            setLoading(false);
            setError(undefined);
          }),
        error: (e: unknown) =>
          batch(() => {
            setLoading(false);
            setError(() => e);
          }),
      });
      onCleanup(() => subscription.unsubscribe());
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
