import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@solidjs/testing-library';
import { Route } from '@solidjs/router';
import { CheckStatement } from '../../src/features/certifications/CheckStatement';
import { CpniDatabase, useDatabase } from '../../src/db/database';
import { cleanStatementText, faultyStatementText } from '../fixtures/statements';

beforeEach(() => useDatabase(new CpniDatabase(`check-${crypto.randomUUID()}`)));

function mount() {
  render(() => <Route path="/certifications/check" component={CheckStatement} />, { location: '/certifications/check' });
}

describe('Check a filing written elsewhere', () => {
  it('finds the wrong section, the wrong docket and the year mix-up in a pasted filing', async () => {
    mount();
    fireEvent.input(await screen.findByLabelText('Filing year'), { target: { value: '2026' } });
    fireEvent.input(screen.getByLabelText('Text of the filing'), { target: { value: faultyStatementText } });
    const results = screen.getByTestId('check-results');
    const text = results.textContent ?? '';
    expect(text).toMatch(/§ 64\.2010\(e\)/);
    expect(text).toMatch(/WC Docket No\. 06-36/);
    expect(text).toMatch(/for 2025 covering 2025/);
    expect(within(results).getAllByTestId('finding').length).toBeGreaterThan(10);
  });

  it('finds nothing in a clean statement', async () => {
    mount();
    fireEvent.input(await screen.findByLabelText('Filing year'), { target: { value: '2026' } });
    fireEvent.input(screen.getByLabelText('Text of the filing'), { target: { value: cleanStatementText } });
    expect(screen.getByTestId('check-results').textContent).toContain('No problems found.');
  });
});
