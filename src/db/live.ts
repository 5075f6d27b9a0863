import { liveQuery } from 'dexie';
import { batch, createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';
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

/**
 * A Dexie live query as a plain signal: each result replaces the last as it is, with no store
 * proxies around its rows. For long lists (thousands of rows) that a screen reads whole, where a
 * deep store's reconcile costs more than rendering.
 */
export function createLiveSignal<T, D = undefined>(
  query: (deps: D) => T | Promise<T>,
  initial: T,
  deps: Accessor<D> = () => undefined as D,
): LiveResult<T> {
  const [value, setValue] = createSignal<T>(initial, { equals: false });
  const [loading, setLoading] = createSignal(true);
  const [error, setError] = createSignal<unknown>(undefined);
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
