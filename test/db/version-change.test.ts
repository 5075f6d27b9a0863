// @vitest-environment node
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_NAME, SCHEMA_VERSIONS, db, onUpgradedElsewhere } from '../../src/db/database';

describe('a newer version opened in another tab', () => {
  it('is not blocked by this tab, and this tab is told to reload', async () => {
    await db().open();
    let told = 0;
    const stop = onUpgradedElsewhere(() => told++);

    const newer = new Dexie(DB_NAME);
    for (const s of SCHEMA_VERSIONS) newer.version(s.version).stores(s.stores);
    newer.version(SCHEMA_VERSIONS.length + 1).stores({ futureTable: 'id' });
    await newer.open(); // would hang if this tab kept its connection open

    expect(newer.verno).toBe(SCHEMA_VERSIONS.length + 1);
    expect(told).toBe(1);
    expect(db().isOpen()).toBe(false);
    stop();
    newer.close();
  });
});
