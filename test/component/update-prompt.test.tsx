import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@solidjs/testing-library';
import { Route } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { CpniDatabase, useDatabase } from '../../src/db/database';
import { ClientEditor } from '../../src/features/clients/ClientEditor';
import { UpdatePrompt } from '../../src/app/UpdatePrompt';

const updates = vi.hoisted(() => ({ calls: 0 }));
vi.mock('virtual:pwa-register/solid', () => ({
  useRegisterSW: () => ({
    needRefresh: createSignal(true),
    offlineReady: createSignal(false),
    updateServiceWorker: async () => {
      updates.calls++;
    },
  }),
}));

afterEach(() => {
  updates.calls = 0;
  vi.restoreAllMocks();
});

function mount() {
  useDatabase(new CpniDatabase(`update-${crypto.randomUUID()}`));
  render(
    () => (
      <Route
        path="/clients/new"
        component={() => (
          <>
            <UpdatePrompt />
            <ClientEditor />
          </>
        )}
      />
    ),
    { location: '/clients/new' },
  );
}

describe('the update prompt', () => {
  it('reloads at once when no form has unsaved changes', async () => {
    mount();
    await screen.findByLabelText(/Legal name/);
    fireEvent.click(within(screen.getByTestId('update-prompt')).getByRole('button', { name: 'Reload now' }));
    expect(updates.calls).toBe(1);
  });

  it('asks first over unsaved changes, saying they come back after the reload', async () => {
    mount();
    fireEvent.input(await screen.findByLabelText(/Legal name/), { target: { value: 'Half-typed Co.' } });
    const prompt = screen.getByTestId('update-prompt');
    fireEvent.click(within(prompt).getByRole('button', { name: 'Reload now' }));
    expect(updates.calls).toBe(0);
    expect(within(prompt).getByTestId('update-unsaved').textContent).toContain('kept as a draft on this device and offered back after the reload');
    fireEvent.click(within(prompt).getByRole('button', { name: 'Not yet' }));
    expect(updates.calls).toBe(0);
    fireEvent.click(within(prompt).getByRole('button', { name: 'Reload now' }));
    fireEvent.click(within(prompt).getByRole('button', { name: 'Reload now' }));
    expect(updates.calls).toBe(1);
  });

  it('says the changes would be lost when this browser cannot keep drafts', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    mount();
    fireEvent.input(await screen.findByLabelText(/Legal name/), { target: { value: 'Half-typed Co.' } });
    expect(screen.getByTestId('draft-problem').textContent).toContain('does not let CPNI Desk keep drafts');
    const prompt = screen.getByTestId('update-prompt');
    fireEvent.click(within(prompt).getByRole('button', { name: 'Reload now' }));
    expect(within(prompt).getByTestId('update-unsaved').textContent).toContain('reloading now loses them');
    expect(within(prompt).getByRole('button', { name: 'Reload and lose them' })).toBeTruthy();
    expect(updates.calls).toBe(0);
  });
});
