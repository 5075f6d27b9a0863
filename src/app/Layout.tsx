import { A, useLocation, type RouteSectionProps } from '@solidjs/router';
import { For, Match, Show, Suspense, Switch, lazy, createEffect, createSignal, on, onCleanup } from 'solid-js';
import { createSettingsQuery } from '../db/settings-read';
import { onUpgradedElsewhere } from '../db/database';
import { onReplacedElsewhere } from '../db/replaced-elsewhere';
import { UpdatePrompt } from './UpdatePrompt';
import { StorageIndicator } from './StorageIndicator';
import { ScreenBoundary } from './ScreenBoundary';
import { openDatabase, type OpenState } from '../db/open';
import { describeStorageError, type StorageProblem } from '../domain/storage-errors';
import { StorageErrorBanner } from '../ui/storage-error';

// Shown once, on the first visit: not part of every later start.
const Welcome = lazy(() => import('../features/welcome/Welcome').then((m) => ({ default: m.Welcome })));

/** Why the records cannot be opened, and what to do; never an endless "Opening…". */
function DatabaseProblem(props: { problem: StorageProblem; waiting?: boolean }) {
  return (
    <section class="panel" aria-labelledby="db-problem-heading" data-testid="database-problem">
      <h1 id="db-problem-heading" tabIndex={-1}>Your records cannot be opened</h1>
      <div class="notice notice--error" role="alert">
        <p class="notice-title">{props.problem.title}</p>
        <p>{props.problem.todo}</p>
        <Show when={props.problem.detail}>
          <p class="hint">The browser said: {props.problem.detail}</p>
        </Show>
      </div>
      <Show when={props.waiting} fallback={<button type="button" class="primary" onClick={() => window.location.reload()}>Reload</button>}>
        <p aria-live="polite">Waiting for the other tabs to close…</p>
      </Show>
    </section>
  );
}

const NAV = [
  { href: '/', label: 'Dashboard', end: true },
  { href: '/clients', label: 'Clients' },
  { href: '/certifications', label: 'Certifications' },
  { href: '/records', label: 'Records' },
  { href: '/settings', label: 'Settings' },
];

export function Layout(props: RouteSectionProps) {
  const settings = createSettingsQuery();
  const location = useLocation();
  const [upgraded, setUpgraded] = createSignal(false);
  const [opening, setOpening] = createSignal<OpenState>({ state: 'opening' });
  void openDatabase(setOpening);
  onCleanup(onUpgradedElsewhere(() => setUpgraded(true)));
  const [replaced, setReplaced] = createSignal(false);
  onCleanup(onReplacedElsewhere(() => setReplaced(true)));
  // Move focus to the new page's heading so screen-reader and keyboard users land on it.
  createEffect(
    on(
      () => location.pathname,
      () => queueMicrotask(() => document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true })),
      { defer: true },
    ),
  );
  return (
    <>
      {/* on:click runs on the link itself, before the router's document-level click handling. */}
      <a
        class="skip-link"
        href="#main"
        on:click={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header class="app-header">
        <A href="/" class="brand" end>
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>CPNI Desk</span>
        </A>
        <nav aria-label="Main">
          <ul>
            <For each={NAV}>
              {(item) => (
                <li>
                  <A href={item.href} end={item.end} activeClass="active">{item.label}</A>
                </li>
              )}
            </For>
          </ul>
        </nav>
      </header>
      <Show when={upgraded()}>
        <div class="notice notice--warning upgrade-banner" role="alert">
          <p class="notice-title">CPNI Desk was updated in another tab.</p>
          <p>
            This tab can no longer save. Copy anything you typed that is not saved, then reload to continue with the new version.{' '}
            <button type="button" class="primary" onClick={() => window.location.reload()}>Reload this tab</button>
          </p>
        </div>
      </Show>
      <Show when={replaced()}>
        <div class="notice notice--warning upgrade-banner" role="alert" data-testid="replaced-elsewhere">
          <p class="notice-title">A backup was restored in another tab or window.</p>
          <p>
            Everything on this device was replaced, and this tab still shows what was there before, so it can no longer save. Reload to see the restored data; anything you typed here is offered back as a draft.{' '}
            <button type="button" class="primary" onClick={() => window.location.reload()}>Reload this tab</button>
          </p>
        </div>
      </Show>
      <StorageErrorBanner />
      <main id="main" tabIndex={-1}>
        <Switch>
          <Match when={opening().state === 'failed' || opening().state === 'blocked' ? (opening() as { problem: StorageProblem }).problem : undefined}>
            {(p) => <DatabaseProblem problem={p()} waiting={opening().state === 'blocked'} />}
          </Match>
          <Match when={settings.error}>
            <DatabaseProblem problem={describeStorageError(settings.error, 'read your settings')} />
          </Match>
          <Match when={opening().state === 'open' && !settings.loading}>
            <Show when={settings.value.firstRunDone} fallback={<Suspense><Welcome /></Suspense>}>
              {/* A crash stays on its screen; going to another path clears it. */}
              <ScreenBoundary path={location.pathname}>{props.children}</ScreenBoundary>
            </Show>
          </Match>
          <Match when={true}>
            <p aria-live="polite">Opening your records…</p>
          </Match>
        </Switch>
      </main>
      <footer class="app-footer">
        <p>
          Data stays in this browser on this device.
          <StorageIndicator /> CPNI Desk drafts filings; have counsel review them before you file.
        </p>
      </footer>
      <UpdatePrompt />
    </>
  );
}
