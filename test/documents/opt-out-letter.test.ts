// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ADDRESSEE_CAUTION } from '../../src/domain/certification-record';
import type { Client, PreparerFields } from '../../src/domain/schema';
import { loadFont, readBack } from './read-back';
import {
  OPT_OUT_LETTER_CAUTIONS,
  exportOptOutLetter,
  optOutFailureLetter,
  optOutLetterGaps,
  type OptOutLetterInput,
} from '../../src/documents/opt-out-letter';


const client: Client = {
  id: 'c',
  createdAt: '2025-01-02T15:00:00Z',
  updatedAt: '2025-01-02T15:00:00Z',
  legalName: 'Prairie Valley Telephone Company',
  dbaNames: ['PVT Connect'],
  filerId: '823456',
  frn: '',
  address: { street: '410 Main Street', city: 'Hillsboro', state: 'KS', zip: '67063' },
  phone: '(620) 555-0142',
  email: 'office@prairievalley.example',
  officers: [],
  services: ['wireline'],
  affiliates: [],
  notes: '',
  archived: false,
};

const record: OptOutLetterInput['record'] = {
  learnedOn: '2026-04-27',
  mechanism: 'A toll-free opt-out line, (800) 555-0142, and an opt-out form on the Company website.',
  problem: 'After a software update on April 20, 2026, the website form stopped saving opt-out choices; 37 requests were not recorded.',
  remedy: 'The form was repaired and the 37 requests were entered from the web server logs; no CPNI of those customers was used for marketing.',
  remedyOn: '2026-04-29',
  stateCommissionsNotified: 'Kansas Corporation Commission, notified April 28, 2026',
  stateCommissionAction: 'None to date.',
  customerNotice: 'Dear customer: a problem with our website may have prevented your CPNI choice from being saved.\n\nWe have recorded your choice; call (800) 555-0142 with any question.',
};

const contact = { name: 'Dana R. Whitfield', title: 'President', phone: '(620) 555-0142', email: 'dana@prairievalley.example' };

function input(changes: Partial<OptOutLetterInput> = {}): OptOutLetterInput {
  return { record, client, contact, date: '2026-04-30', ...changes };
}

describe('the § 64.2009(f) opt-out failure letter', () => {
  it('carries every element the rule asks for, addressed to the FCC, with the five-business-day duty', async () => {
    const file = await exportOptOutLetter(input(), { loadFont });
    expect(file.fileName).toBe('Prairie Valley Telephone Company CPNI Opt-Out Failure Notice 2026-04-30.pdf');
    const { text, info } = readBack(file.bytes);
    for (const expected of [
      // Letterhead, date, addressee, delivery and RE.
      'Prairie Valley Telephone Company 410 Main Street Hillsboro, KS 67063 (620) 555-0142 · office@prairievalley.example',
      'April 30, 2026',
      'Marlene H. Dortch, Secretary Office of the Secretary Federal Communications Commission 45 L Street NE Washington, DC 20554',
      'Via ECFS',
      'Notice of opt-out mechanism failure under 47 C.F.R. § 64.2009(f)',
      // The duty and its deadline.
      'within five business days',
      'even when the carrier offers other ways to opt out',
      // Carrier name.
      'Carrier Prairie Valley Telephone Company (doing business as PVT Connect), Form 499 Filer ID 823456',
      // Opt-out mechanism(s) used.
      'Opt-out mechanism(s) used A toll-free opt-out line, (800) 555-0142, and an opt-out form on the Company website.',
      // Problem(s) experienced.
      'Problem(s) experienced After a software update on April 20, 2026, the website form stopped saving opt-out choices; 37 requests were not recorded. The carrier learned of the failure on April 27, 2026.',
      // Remedy and when.
      'Remedy proposed and when it will be or was implemented The form was repaired',
      'It was implemented on April 29, 2026.',
      // State commissions and their action.
      'State commission(s) notified: Kansas Corporation Commission, notified April 28, 2026 Action taken by the state commission(s): None to date.',
      // Copy of the customer notice.
      'A copy of the notice provided to customers is enclosed. Its text: Dear customer: a problem with our website',
      'We have recorded your choice',
      // Contact information.
      'Contact information Dana R. Whitfield, President Prairie Valley Telephone Company 410 Main Street Hillsboro, KS 67063 Telephone: (620) 555-0142 E-mail: dana@prairievalley.example',
      // Signature and enclosure.
      '/s/ Dana R. Whitfield Dana R. Whitfield President Date: April 30, 2026 Prairie Valley Telephone Company',
      'Enclosures: Copy of the notice provided to customers',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('[To be completed');
    expect(text).toMatch(/Page 1 of 1|Page 1 of 2/);
    expect(info['Subject']).toBe('Notice under 47 C.F.R. § 64.2009(f)');
    expect(info['Author']).toBe('Prairie Valley Telephone Company');
    expect(info['Keywords']).toContain('Prairie Valley Telephone Company');
    expect(optOutLetterGaps(input())).toEqual(['Enclose a copy of the notice provided to customers with the letter.']);
  });

  it('marks what is still missing instead of printing a blank, and says so', async () => {
    const sparse = input({
      record: { ...record, remedy: '', remedyOn: '', stateCommissionsNotified: '', stateCommissionAction: '', customerNotice: '' },
      contact: { name: 'Dana R. Whitfield' },
    });
    const { text } = readBack((await exportOptOutLetter(sparse, { loadFont })).bytes);
    expect(text).toContain('[To be completed: the remedy proposed]');
    expect(text).toContain('[To be completed: when the remedy will be or was implemented]');
    expect(text).toContain('[To be completed: whether the relevant state commission(s) have been notified, and whether they have taken any action]');
    expect(text).toContain('[To be completed: a copy of the notice provided to customers, or that none was provided]');
    expect(text).not.toContain('Enclosures');
    expect(optOutLetterGaps(sparse)).toEqual([
      'Describe the remedy proposed.',
      'Give the date the remedy will be or was implemented.',
      'Say whether the relevant state commission(s) have been notified (write "None" if not).',
      'Give the notice provided to customers (write "None" if there was none).',
      'Give the contact’s telephone number or e-mail address.',
    ]);
  });

  it('says a planned remedy "will be" implemented, and "none" plainly', () => {
    const doc = optOutFailureLetter(
      input({ record: { ...record, remedyOn: '2026-05-15', stateCommissionsNotified: 'None', stateCommissionAction: '', customerNotice: 'none' } }),
    );
    const text = JSON.stringify(doc.blocks);
    expect(text).toContain('It will be implemented by May 15, 2026.');
    expect(text).toContain('The carrier has not notified any state commission of this failure, so no state commission has taken action on it.');
    expect(text).toContain('The carrier has not provided a notice to customers about this failure.');
    expect(text).not.toContain('Enclosures');
  });

  it('is written and signed by the preparer for the carrier when one is given', async () => {
    const preparer: PreparerFields = {
      name: 'Morgan T. Ellis',
      credentials: 'J.D.',
      firm: 'Ellis Regulatory Consulting LLC',
      letterhead: ['Ellis Regulatory Consulting LLC', 'Wichita, Kansas'],
      address: { street: '200 Commerce Street', city: 'Wichita', state: 'KS', zip: '67202' },
      phone: '(316) 555-0190',
      email: 'filings@ellisreg.example',
      isDefault: true,
    };
    const { text, info } = readBack((await exportOptOutLetter(input({ preparer }), { loadFont })).bytes);
    expect(text.startsWith('Ellis Regulatory Consulting LLC Wichita, Kansas')).toBe(true);
    expect(text).toContain('/s/ Morgan T. Ellis Morgan T. Ellis J.D. Date: April 30, 2026 Ellis Regulatory Consulting LLC 200 Commerce Street Wichita, KS 67202');
    expect(text).toContain('On behalf of Prairie Valley Telephone Company');
    expect(text).toContain('Contact information Dana R. Whitfield, President');
    expect(info['Author']).toBe('Morgan T. Ellis, Ellis Regulatory Consulting LLC');
  });

  it('names the unverified addressee and delivery for the user to check', () => {
    expect(OPT_OUT_LETTER_CAUTIONS).toContain(ADDRESSEE_CAUTION);
    expect(OPT_OUT_LETTER_CAUTIONS.join(' ')).toMatch(/does not say how to send it/);
  });
});
