import { batch, createEffect, on, onCleanup, untrack, type Accessor } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { alreadyRead, subscribeLive, type LiveInput } from './live-source';

export interface LiveResult<T> {
  readonly value: T;
  readonly loading: boolean;
  readonly error: unknown;
}

/**
 * A Dexie live query as a Solid store: re-runs when `deps` change or the tables it read are
 * written (in this tab or another). Rows keep their identity across updates (reconcile by id),
 * so a list only re-renders the rows that changed. Given a shared source (`{ shared }`) that a
 * route has already read, it starts with that value, in the screen's first render.
 */
export function createLiveQuery<T, D = undefined>(query: LiveInput<T, D>, initial: T, deps: Accessor<D> = () => undefined as D): LiveResult<T> {
  const first = untrack(() => alreadyRead(query, deps()));
  // Copies where the value is shared (the initial value, a shared source's): the store writes
  // into the objects it is given.
  const shared = typeof query !== 'function';
  const [state, setState] = createStore<{ value: T; loading: boolean; error: unknown }>({
    value: structuredClone(first && 'value' in first ? first.value : initial),
    loading: !first,
    error: first && 'error' in first ? first.error : undefined,
  });
  createEffect(
    on(deps, (d) => {
      if (!alreadyRead(query, d)) setState('loading', true);
      const stop = subscribeLive(query, d, (snapshot) =>
        batch(() => {
          if ('value' in snapshot) {
            setState('value', reconcile(shared ? structuredClone(snapshot.value) : snapshot.value, { key: 'id', merge: false }) as never);
            setState({ loading: false, error: undefined });
          } else setState({ loading: false, error: snapshot.error });
        }),
      );
      onCleanup(stop);
    }),
  );
  return state;
}
