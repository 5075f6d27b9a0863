// @vitest-environment node
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ENTITIES, migrateRow, upgradeRow, VERSION_FIELD, type EntityDefinition } from '../../src/domain/entities';

type Schema = v.GenericSchema & { type: string; entries?: Record<string, Schema>; wrapped?: Schema; item?: Schema; options?: unknown[]; pipe?: Schema[]; key?: Schema; value?: Schema | unknown; literal?: unknown };

/** A schema's stored shape: field names and types, nested; what a stored row may hold. */
function shape(schema: Schema): unknown {
  switch (schema.type) {
    case 'object':
    case 'strict_object':
    case 'loose_object':
      return Object.fromEntries(Object.entries(schema.entries!).map(([k, s]) => [k, shape(s)]));
    case 'optional':
      return { optional: shape(schema.wrapped!) };
    case 'nullable':
      return { nullable: shape(schema.wrapped!) };
    case 'array':
      return [shape(schema.item!)];
    case 'record':
      return { record: shape(schema.value as Schema) };
    case 'picklist':
      return { oneOf: schema.options };
    case 'literal':
      return { literal: schema.literal };
    case 'union':
    case 'variant':
      return { anyOf: (schema.options as Schema[]).map(shape) };
    default:
      // A pipe is its first schema (after a plain-object guard); checks and transforms never change the stored shape.
      if (schema.pipe) return shape(schema.pipe.find((s, i) => !(s.type === 'custom' && i === 0 && schema.pipe!.length > 1)) ?? schema.pipe[0]!);
      return schema.type;
  }
}

describe('every stored entity', () => {
  // A stored field removed or renamed changes this snapshot. Such a change needs the entity's
  // version raised and a migration from the old version (the key names the version, so the
  // snapshot of the old version is never edited, only a new one added).
  for (const [table, def] of Object.entries(ENTITIES)) {
    it(`${table}: the shape of version ${def.version} is the one on record`, () => {
      expect(shape(def.schema as Schema)).toMatchSnapshot(`${table}@${def.version}`);
    });
  }

  it('has a migration from every earlier version', () => {
    for (const def of Object.values(ENTITIES)) for (let n = 1; n < def.version; n++) expect(typeof def.migrations[n], `${def.name} ${n}`).toBe('function');
  });

  it('refuses a row written by a newer version, saying so', () => {
    for (const def of Object.values(ENTITIES)) {
      const result = upgradeRow(def as EntityDefinition<unknown>, { id: 'x', [VERSION_FIELD]: def.version + 1 });
      expect(result).toEqual({ ok: false, messages: [expect.stringMatching(/saved by a newer version of CPNI Desk .*Update the app/)] });
      expect(() => migrateRow(def as EntityDefinition<unknown>, { [VERSION_FIELD]: def.version + 1 })).toThrow(/newer version/);
    }
  });
});
