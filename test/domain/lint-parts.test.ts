// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { clientFromFiling, detectYears, lintFiling, numberedLines, officerTitleKind, segmentBlocks } from '../../src/domain/statement-lint';
import { filing2013 } from '../fixtures/filing-2013';
import { cleanStatementText } from '../fixtures/statements';

describe('the year read from a filing', () => {
  it('takes the title line, then the date filed or the cover letter, then "calendar year"', () => {
    expect(detectYears(filing2013, 2027)).toEqual({
      filingYear: 2013,
      coveredYear: 2012,
      found: ['title line: for 2013 covering 2012 (line 16)', 'date filed: 2013-01-27 (line 18)'],
    });
    expect(detectYears('Date filed: February 14, 2019\nThe Company took no actions against data brokers in calendar year 2018.', 2027)).toMatchObject({ filingYear: 2019, coveredYear: 2018 });
    expect(detectYears('In calendar year 2010 the Company received no complaints. In calendar year 2010 it took no actions against data brokers.', 2027)).toMatchObject({ filingYear: 2011, coveredYear: 2010 });
    expect(detectYears('February 6, 2009\n\nDear Secretary:\n\nEnclosed is our certification.', 2027)).toMatchObject({ filingYear: 2009, coveredYear: 2008 });
  });

  it('finds nothing in a text without years, and ignores years before the first filings', () => {
    expect(detectYears('The Company protects CPNI.', 2027)).toEqual({ filingYear: undefined, coveredYear: undefined, found: [] });
    expect(detectYears('Annual CPNI Certification for 1999 covering 1998', 2027).filingYear).toBeUndefined();
  });

  it('checks a filing of each year against the rules of its covered year', () => {
    const text = 'SIM changes are authenticated as § 64.2010(h) requires.';
    const ctx = (y: number) => ({ filingYear: y, coveredYear: y - 1, dueDate: `${y}-03-01`, breachRule: '2007' as const, frns: [], filerIds: [] });
    expect(lintFiling(text, ctx(2013)).map((f) => f.id)).toContain('citation-not-yet-in-force');
    expect(lintFiling(text, ctx(2025)).map((f) => f.id)).not.toContain('citation-not-yet-in-force');
  });
});

describe('a client read from a filing', () => {
  it('proposes the legal name, Filer ID, signatory and title of a template filing', () => {
    expect(clientFromFiling(filing2013)).toMatchObject({
      legalName: 'Prairie Line Telephone Company',
      filerId: '823901',
      affiliates: [],
      signatoryName: 'Dale Hutchins',
      signatoryTitle: 'Compliance Officer',
      address: { street: '', city: '', state: '', zip: '' },
    });
  });

  it('lists affiliates with their own Filer IDs, and never proposes the FCC\'s address', () => {
    const c = clientFromFiling(cleanStatementText);
    expect(c.legalName).toBe('Desk Telephone Co');
    expect(c.filerId).toBe('812345');
    expect(c.affiliates).toEqual([{ legalName: 'Desk Wireless LLC', filerId: '812346' }]);
    // A company's name is not a statement of its services.
    expect(c.services).toEqual([]);
    expect(clientFromFiling('Federal Communications Commission\n45 L Street NE\nWashington, DC 20554\n').address.city).toBe('');
    expect(clientFromFiling('Mesa Rural Telephone Co.\n12 Canyon Road\nTaos, NM 87571\n').address).toEqual({ street: '12 Canyon Road', city: 'Taos', state: 'NM', zip: '87571' });
  });
});

describe('reading the text', () => {
  it('reads a paragraph under its heading', () => {
    const blocks = segmentBlocks('BREACH NOTIFICATION\n\nThe Company notifies the USSS.\nIt waits.\n\n9. Training. Staff are trained.\n\nStaff sign a log.');
    expect(blocks.map((b) => [b.text.slice(0, 20), b.heading])).toEqual([
      ['BREACH NOTIFICATION', 'BREACH NOTIFICATION'],
      ['The Company notifies', 'BREACH NOTIFICATION'],
      ['9. Training. Staff a', 'BREACH NOTIFICATION / Training'],
      ['Staff sign a log.', 'Training'],
    ]);
  });

  it('cuts each line where a finding\'s text starts and ends', () => {
    const lines = numberedLines('one two\nthree', [{ start: 4, end: 11 }]);
    expect(lines).toEqual([
      { number: 1, pieces: [{ text: 'one ', findings: [] }, { text: 'two', findings: [0] }] },
      { number: 2, pieces: [{ text: 'thr', findings: [0] }, { text: 'ee', findings: [] }] },
    ]);
  });

  it('tells officers\' titles from titles that may or may not be an officer\'s', () => {
    expect(['President', 'Vice President, Operations', 'Chief Compliance Officer', 'Secretary-Treasurer', 'CEO', 'Managing Member'].map(officerTitleKind)).toEqual(Array(6).fill('officer'));
    expect(['Compliance Officer', 'CPNI Compliance Officer', 'Director of Regulatory Affairs', 'Owner', 'General Manager'].map(officerTitleKind)).toEqual(Array(5).fill('maybe'));
    expect(['Regulatory Consultant', 'Outside Counsel', 'Office Manager Assistant', 'Billing Clerk', ''].map(officerTitleKind)).toEqual(Array(5).fill('not'));
  });
});
