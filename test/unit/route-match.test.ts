import { describe, expect, it } from 'vitest';
import { screenFor } from '../../src/app/route-match';

const routes = ['/', '/clients', '/clients/new', '/clients/:id', '/records/:id', '/records/import'].map((path) => ({ path }));
const match = (pathname: string) => screenFor(routes, pathname)?.path;

describe('the screen a path opens at startup', () => {
  it('prefers a fixed segment to a parameter, whatever the order of the table', () => {
    expect(match('/clients/new')).toBe('/clients/new');
    expect(match('/records/import')).toBe('/records/import');
    expect(match('/records/r-12')).toBe('/records/:id');
    expect(match('/clients/c-1')).toBe('/clients/:id');
  });

  it('matches the root and a trailing slash', () => {
    expect(match('/')).toBe('/');
    expect(match('/clients/')).toBe('/clients');
  });

  it('opens nothing for a path the app does not answer', () => {
    expect(match('/nothing-here')).toBeUndefined();
    expect(match('/clients/c-1/extra')).toBeUndefined();
  });
});
