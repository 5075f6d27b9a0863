import { A, useLocation, type RouteSectionProps } from '@solidjs/router';
import { For, Show, createEffect, createSignal, on, onCleanup } from 'solid-js';
import { createSettingsQuery } from '../db/settings';
import { onUpgradedElsewhere } from '../db/database';
import { Welcome } from '../features/welcome/Welcome';
import { UpdatePrompt } from './UpdatePrompt';
import { StorageIndicator } from './StorageIndicator';

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
  onCleanup(onUpgradedElsewhere(() => setUpgraded(true)));
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
      <main id="main" tabIndex={-1}>
        <Show when={!settings.loading} fallback={<p aria-live="polite">Opening your records…</p>}>
          <Show when={settings.value.firstRunDone} fallback={<Welcome />}>
            {props.children}
          </Show>
        </Show>
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
