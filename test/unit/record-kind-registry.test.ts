// @vitest-environment node
import { CLOCKED_KIND_NAMES } from '../../src/domain/kinds/clocked';
import { describe, expect, it } from 'vitest';
import { CLOCKED_KINDS, RECORD_FIELD_SCHEMAS, RECORD_KINDS, RECORD_KIND_REGISTRY, isRecordKind, recordDate, type ComplianceRecord } from '../../src/domain/records';
import { DUTIES } from '../../src/domain/duties';
import { field, options } from '../../src/domain/kinds/fields';
import { defineKind } from '../../src/domain/kinds/kind';
import { validate } from '../../src/domain/schema';
import { RECORD_KIND_META } from '../../src/features/records/record-kinds';
import { retentionFor } from '../../src/domain/retention';

describe('the record-kind registry', () => {
  it('holds every kind once, and everything reads the same entry', () => {
    expect(new Set(RECORD_KINDS).size).toBe(RECORD_KINDS.length);
    for (const kind of RECORD_KINDS) {
      const entry = RECORD_KIND_REGISTRY[kind];
      expect(entry.kind).toBe(kind);
      expect(RECORD_FIELD_SCHEMAS[kind]).toBe(entry.schema);
      expect(RECORD_KIND_META[kind].fields).toBe(entry.fieldList);
      expect(isRecordKind(kind)).toBe(true);
    }
    expect(isRecordKind('toString')).toBe(false);
  });

  it('files each kind under a required date field of its own, keeps it under a duty of the table, and links only to known kinds', () => {
    for (const kind of RECORD_KINDS) {
      const entry = RECORD_KIND_REGISTRY[kind];
      const dateField = entry.fieldList.find((f) => f.name === entry.dateField);
      expect(dateField, kind).toMatchObject({ control: 'date', required: true });
      for (const f of entry.fieldList) if (f.linksTo) expect(isRecordKind(f.linksTo), `${kind}.${f.name}`).toBe(true);
      const retention = typeof entry.retention === 'string' ? entry.retention : undefined;
      if (retention) expect(DUTIES[retention].id).toBe(retention);
    }
  });

  it('lists as clocked exactly the kinds that start clocks', () => {
    expect([...CLOCKED_KINDS].sort()).toEqual(RECORD_KINDS.filter((k) => 'clocks' in RECORD_KIND_REGISTRY[k]).sort());
    expect([...CLOCKED_KINDS].sort()).toEqual(['breach', 'notice', 'optOutFailure']);
    expect([...CLOCKED_KIND_NAMES].sort()).toEqual([...CLOCKED_KINDS].sort());
  });

  it('turns one definition into the schema, its messages and the form fields', () => {
    const kind = defineKind({
      kind: 'slamming',
      title: 'Carrier change complaint',
      plural: 'Carrier change complaints',
      citation: '§ 64.2009(e)',
      description: 'An example kind.',
      fields: {
        receivedOn: field.date('Received on', { required: true }),
        channel: field.choice('Channel', options({ phone: 'Phone', mail: 'Mail' }), 'Choose the channel.'),
        notes: field.textarea('Notes', { hint: 'Anything else.' }),
      },
      dateField: 'receivedOn',
      retention: 'retainSupporting',
      summary: (r) => `${r.channel} on ${r.receivedOn}`,
    });
    expect(kind.fieldList.map((f) => [f.name, f.label, f.control])).toEqual([
      ['receivedOn', 'Received on', 'date'],
      ['channel', 'Channel', 'select'],
      ['notes', 'Notes', 'textarea'],
    ]);
    const bad = validate(kind.schema, { receivedOn: '2026-02-30', channel: 'fax' });
    expect(bad.ok ? {} : bad.errors).toEqual({ receivedOn: 'Received on is not a real date on the calendar.', channel: 'Choose the channel.' });
    const good = validate(kind.schema, { receivedOn: '2026-02-03', channel: 'mail' });
    expect(good.ok && good.value).toEqual({ receivedOn: '2026-02-03', channel: 'mail', notes: '' });
  });

  it('gives the filing date and retention from the kind’s own entry', () => {
    const approval = { id: 'a', clientId: 'c', kind: 'approval', createdAt: '', updatedAt: '', accountRef: '1', approvalType: 'optIn', medium: 'oral', status: 'granted', decidedOn: '2026-01-15', scope: '' } as ComplianceRecord;
    expect(recordDate(approval)).toBe('2026-01-15');
    const r = retentionFor(approval);
    expect(r.dutyId).toBe('retainApproval');
    expect(r.note).toMatch(/proof of approval/);
  });
});
