// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { clientSchema, clientWarnings, looksLikeOfficerTitle, validate, type ClientInput } from '../../src/domain/schema';

const valid: ClientInput = {
  legalName: 'Prairie Telephone Cooperative, Inc.',
  filerId: '812345',
  frn: '0012345678',
  address: { street: '100 Main St', city: 'Dodge City', state: 'KS', zip: '67801-1234' },
  officers: [{ id: 'o1', name: 'Ann Lee', title: 'President', isDefaultSignatory: true }],
  services: ['wireline', 'interconnectedVoip'],
  affiliates: [{ id: 'a1', legalName: 'Prairie Long Distance LLC', filerId: '812346' }],
};

const errorsOf = (input: ClientInput) => {
  const r = validate(clientSchema, input);
  return r.ok ? {} : r.errors;
};

describe('client validation', () => {
  it('accepts a complete client and keeps the FRN leading zeros', () => {
    const r = validate(clientSchema, valid);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.frn).toBe('0012345678');
      expect(r.value.address.zip).toBe('67801-1234');
    }
  });

  it('requires the legal name', () => {
    expect(errorsOf({ ...valid, legalName: '   ' })).toEqual({ legalName: 'Legal name is required.' });
  });

  it('rejects a Filer ID with anything but digits', () => {
    expect(errorsOf({ ...valid, filerId: '81234A' }).filerId).toBe('Form 499 Filer ID must contain digits only.');
    expect(errorsOf({ ...valid, filerId: '' }).filerId).toBe('Form 499 Filer ID is required.');
  });

  it('rejects a Filer ID equal to the FRN', () => {
    expect(errorsOf({ ...valid, filerId: '0012345678', frn: '0012345678' }).filerId).toMatch(/same as the FRN/);
  });

  it('warns, without blocking, when the Filer ID is not 6 digits', () => {
    expect(validate(clientSchema, { ...valid, filerId: '8123456' }).ok).toBe(true);
    expect(clientWarnings({ filerId: '8123456', officers: [], affiliates: [] }).filerId).toMatch(/usually 6 digits; this one has 7/);
    expect(clientWarnings({ filerId: '812345', officers: [], affiliates: [] }).filerId).toBeUndefined();
  });

  it('requires the FRN to be exactly 10 digits when given', () => {
    const message = 'FRN must be exactly 10 digits (keep any leading zeros).';
    expect(errorsOf({ ...valid, frn: '123456789' }).frn).toBe(message);
    expect(errorsOf({ ...valid, frn: '12345678901' }).frn).toBe(message);
    expect(errorsOf({ ...valid, frn: '' }).frn).toBeUndefined();
  });

  it('checks the ZIP and the state code', () => {
    expect(errorsOf({ ...valid, address: { ...valid.address!, zip: '6780' } })['address.zip']).toBe('ZIP must be 5 digits or ZIP+4 (12345-6789).');
    expect(errorsOf({ ...valid, address: { ...valid.address!, state: 'Kansas' } })['address.state']).toBe('State must be a USPS code such as VA, DC or PR.');
    expect(validate(clientSchema, { ...valid, address: { ...valid.address!, state: 'pr', zip: '00901' } }).ok).toBe(true);
  });

  it('allows one default signatory at most and requires officer names and titles', () => {
    const two = [
      { id: 'o1', name: 'Ann Lee', title: 'President', isDefaultSignatory: true },
      { id: 'o2', name: 'Bo Chan', title: 'Secretary', isDefaultSignatory: true },
    ];
    expect(errorsOf({ ...valid, officers: two }).officers).toBe('Mark only one officer as the default signatory.');
    expect(errorsOf({ ...valid, officers: [{ id: 'o1', name: 'Ann Lee', title: '' }] })['officers.0.title']).toBe('Officer title is required.');
  });

  it('requires each affiliate to have its own digits-only Filer ID', () => {
    expect(errorsOf({ ...valid, affiliates: [{ id: 'a', legalName: 'X LLC', filerId: '' }] })['affiliates.0.filerId']).toBe('Form 499 Filer ID is required.');
  });

  it('warns when a signatory title does not look like an officer', () => {
    const w = clientWarnings({ filerId: '812345', officers: [{ id: 'o', name: 'Cy Dale', title: 'Regulatory Consultant', isDefaultSignatory: true }], affiliates: [] });
    expect(w['officers.0.title']).toMatch(/does not look like an officer's title.*§ 64\.2009\(e\)/);
    for (const t of ['President', 'Chief Executive Officer', 'VP, Regulatory Affairs', 'Secretary/Treasurer', 'General Manager', 'Chief Compliance Officer'])
      expect(looksLikeOfficerTitle(t), t).toBe(true);
    for (const t of ['Compliance Specialist', 'Outside Counsel', 'Office Assistant', 'Billing Clerk'])
      expect(looksLikeOfficerTitle(t), t).toBe(false);
  });
});
