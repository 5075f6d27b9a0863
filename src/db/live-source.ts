import { liveQuery } from 'dexie';

export type Snapshot<T> = { value: T } | { error: unknown };

/**
 * One live query shared by whoever shows it, which a route can start before its screen's code
 * has loaded (`preload`): the screen then mounts with its data already read, instead of asking
 * for it once mounted, behind the opening of the database and the settings. The query runs
 * while someone listens, and a moment longer, so that the screen mounting after a preload, or
 * the next screen showing the same data, takes the value without reading it again.
 */
export interface LiveSource<T> {
  /** Starts the query (or keeps it running) for a few seconds, with nobody listening yet. */
  preload(): void;
  /** Calls `listener` with the latest snapshot at once, if there is one, then with every later one. */
  subscribe(listener: (snapshot: Snapshot<T>) => void): () => void;
  /** The latest snapshot while the query runs. */
  readonly latest: Snapshot<T> | undefined;
}

/** How long a preload keeps a query running for a screen that has not mounted yet (its code may still be loading). */
const PRELOAD_HOLD_MS = 5000;
/** How long a query keeps running after its last listener leaves. */
const LINGER_MS = 1000;

const running = new Set<{ stop(): void }>();

export function liveSource<T>(query: () => T | Promise<T>, onStopped?: () => void): LiveSource<T> {
  let latest: Snapshot<T> | undefined;
  let subscription: { unsubscribe(): void } | undefined;
  let holds = 0;
  // A stop from outside (stopLiveSources) ends a generation: what it held releases nothing later.
  let generation = 0;
  let stopTimer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<(snapshot: Snapshot<T>) => void>();
  const emit = (snapshot: Snapshot<T>) => {
    latest = snapshot;
    for (const listener of [...listeners]) listener(snapshot);
  };
  const handle = {
    stop() {
      clearTimeout(stopTimer);
      stopTimer = undefined;
      subscription?.unsubscribe();
      subscription = undefined;
      latest = undefined;
      holds = 0;
      generation += 1;
      running.delete(handle);
      onStopped?.();
    },
  };
  const start = (): number => {
    holds += 1;
    clearTimeout(stopTimer);
    stopTimer = undefined;
    if (subscription) return generation;
    running.add(handle);
    subscription = liveQuery(query).subscribe({
      next: (value) => emit({ value }),
      error: (error: unknown) => {
        // A failed query has ended: the next listener starts it again.
        subscription = undefined;
        emit({ error });
      },
    });
    return generation;
  };
  const release = (held: number, after: number) => {
    if (held !== generation) return;
    holds -= 1;
    if (holds > 0) return;
    clearTimeout(stopTimer);
    stopTimer = setTimeout(() => handle.stop(), after);
  };
  return {
    get latest() {
      return latest;
    },
    preload() {
      const held = start();
      setTimeout(() => release(held, 0), PRELOAD_HOLD_MS);
    },
    subscribe(listener) {
      const held = start();
      listeners.add(listener);
      if (latest) listener(latest);
      let done = false;
      return () => {
        if (done) return;
        done = true;
        listeners.delete(listener);
        release(held, LINGER_MS);
      };
    },
  };
}

/** One `liveSource` per argument (a filter, an id), each forgotten once it stops. */
export function liveSourceFamily<A, T>(keyOf: (arg: A) => string, query: (arg: A) => T | Promise<T>): (arg: A) => LiveSource<T> {
  const sources = new Map<string, LiveSource<T>>();
  return (arg) => {
    const key = keyOf(arg);
    let source = sources.get(key);
    if (!source) {
      source = liveSource(() => query(arg), () => sources.delete(key));
      sources.set(key, source);
    }
    return source;
  };
}

/** Stops every shared query at once (the database they read was replaced). */
export function stopLiveSources(): void {
  for (const source of [...running]) source.stop();
}

/** What `createLiveValue` and `createLiveQuery` read: a query of their own, or a shared source. */
export type LiveInput<T, D> = ((deps: D) => T | Promise<T>) | { shared: (deps: D) => LiveSource<T> };

/** Runs `input` for `deps` and tells `listener` each result; returns the way to stop listening. */
export function subscribeLive<T, D>(input: LiveInput<T, D>, deps: D, listener: (snapshot: Snapshot<T>) => void): () => void {
  if (typeof input !== 'function') return input.shared(deps).subscribe(listener);
  const subscription = liveQuery(() => input(deps)).subscribe({ next: (value) => listener({ value }), error: (error: unknown) => listener({ error }) });
  return () => subscription.unsubscribe();
}

/** The value a shared source already holds for `deps`, so a screen can mount with it. */
export function alreadyRead<T, D>(input: LiveInput<T, D>, deps: D): Snapshot<T> | undefined {
  return typeof input === 'function' ? undefined : input.shared(deps).latest;
}
