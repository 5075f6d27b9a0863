import { For, Show, type JSX } from 'solid-js';

export function PageHeader(props: { title: string; lead?: string; actions?: JSX.Element }) {
  return (
    <header class="page-header">
      <div>
        <h1 tabIndex={-1}>{props.title}</h1>
        <Show when={props.lead}>
          <p class="lead">{props.lead}</p>
        </Show>
      </div>
      <Show when={props.actions}>
        <div class="page-actions">{props.actions}</div>
      </Show>
    </header>
  );
}

/** What a screen will hold, shown until it holds something. */
export function EmptyState(props: { title: string; children: JSX.Element }) {
  return (
    <section class="empty-state" aria-label={props.title}>
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}

export function Notice(props: { tone?: 'info' | 'warning' | 'error' | 'success'; children: JSX.Element; title?: string }) {
  return (
    <div class={`notice notice--${props.tone ?? 'info'}`} role={props.tone === 'error' ? 'alert' : undefined}>
      <Show when={props.title}>
        <p class="notice-title">{props.title}</p>
      </Show>
      {props.children}
    </div>
  );
}

/** What an import found about the file as a whole: errors that stop it, then warnings that do not. */
export function FileNotices(props: { errors: readonly string[]; warnings: readonly string[] }) {
  return (
    <>
      <For each={props.errors}>
        {(m) => (
          <Notice tone="error">
            <p>{m}</p>
          </Notice>
        )}
      </For>
      <For each={props.warnings}>
        {(m) => (
          <Notice tone="warning">
            <p>{m}</p>
          </Notice>
        )}
      </For>
    </>
  );
}
