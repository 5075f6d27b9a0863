import { describe, expect, it } from 'vitest';
import { fieldChanges, shownValue } from '../../src/domain/change-diff';

describe('the change log’s field changes', () => {
  it('shows lists and officers in words, without internal ids', () => {
    const before = { officers: [], services: ['wireline'], affiliates: [] };
    const after = {
      officers: [{ id: 'officer-1-21ec0e1a', name: 'Ann Lee', title: 'President', isDefaultSignatory: true }],
      services: ['wireline', 'wireless'],
      affiliates: [{ id: 'affiliate-1-9f', legalName: 'Prairie Wireless LLC', filerId: '812345' }],
    };
    expect(fieldChanges(before, after)).toEqual([
      { field: 'affiliates', before: '(none)', after: 'Prairie Wireless LLC, 812345' },
      { field: 'officers', before: '(none)', after: 'Ann Lee, President, default signatory' },
      { field: 'services', before: 'wireline', after: 'wireline; wireless' },
    ]);
    expect(shownValue(3)).toBe('3');
    expect(shownValue({ counts: { employeeAccess: 2, onlineAccess: 0 }, summary: 'Log' })).toBe('employee access: 2, online access: 0, Log');
    expect(shownValue('x'.repeat(400))).toHaveLength(300);
  });
});
