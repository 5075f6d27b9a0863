// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesSearch } from '../../src/domain/search-text';
import { matchesClient } from '../../src/db/clients';

describe('searching names', () => {
  it('ignores case and accents, in the query and in the names', () => {
    expect(foldForSearch('Teléfonos Peña')).toBe('telefonos pena');
    expect(matchesSearch(['Teléfonos Peña Rural'], 'pena')).toBe(true);
    expect(matchesSearch(['Telefonos Pena Rural'], 'Peña')).toBe(true);
    expect(matchesSearch(['Prairie Tel'], 'pena')).toBe(false);
    expect(matchesSearch(['Prairie Tel'], '  ')).toBe(true);
  });

  it('finds a client by name, trade name, Filer ID or affiliate, accents aside', () => {
    const client = {
      legalName: 'Teléfonos Peña Rural', dbaNames: ['Peña Fiber'], filerId: '823456', archived: false,
      affiliates: [{ id: 'a', legalName: 'Peña Wireless', filerId: '823457' }],
    } as unknown as Parameters<typeof matchesClient>[0];
    for (const search of ['pena rural', 'PENA FIBER', '823457', 'wireless']) expect(matchesClient(client, { search, includeArchived: false })).toBe(true);
    expect(matchesClient(client, { search: 'mesa', includeArchived: false })).toBe(false);
  });
});
