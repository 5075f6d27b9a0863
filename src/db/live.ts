import { liveQuery } from 'dexie';
import { batch, createEffect, on, onCleanup, type Accessor } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';

export interface LiveResult<T> {
  readonly value: T;
  readonly loading: boolean;
  readonly error: unknown;
}

/**
 * A Dexie live query as a Solid store: re-runs when `deps` change or the tables it read are
 * written (in this tab or another). Rows keep their identity across updates (reconcile by id),
 * so a list only re-renders the rows that changed.
 */
export function createLiveQuery<T, D = undefined>(
  query: (deps: D) => T | Promise<T>,
  initial: T,
  deps: Accessor<D> = () => undefined as D,
): LiveResult<T> {
  // A copy: reconcile writes into the store's object, which must never be a shared constant.
  const [state, setState] = createStore<{ value: T; loading: boolean; error: unknown }>({ value: structuredClone(initial), loading: true, error: undefined });
  createEffect(
    on(deps, (d) => {
      setState('loading', true);
      const subscription = liveQuery(() => query(d)).subscribe({
        next: (value) =>
          batch(() => {
            setState('value', reconcile(value, { key: 'id', merge: false }) as never);
            setState({ loading: false, error: undefined });
          }),
        error: (error: unknown) => setState({ loading: false, error }),
      });
      onCleanup(() => subscription.unsubscribe());
    }),
  );
  return state;
}
