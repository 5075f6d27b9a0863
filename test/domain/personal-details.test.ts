import { describe, expect, it } from 'vitest';
import { describePersonalDetail, describePersonalDetails, findPersonalDetails, type PersonalDetailKind } from '../../src/domain/personal-details';

const found = (text: string) => findPersonalDetails(text).map((d) => [d.kind, d.excerpt] as [PersonalDetailKind, string]);

describe('personal details in public text', () => {
  it.each([
    ['Her husband John obtained her call records.', ['name', 'John']],
    ['The customer’s ex-wife, Linda Marsh, called pretending to be him.', ['name', 'Linda Marsh']],
    ['Mrs. Alvarez reported that a clerk read her bill aloud.', ['name', 'Mrs. Alvarez']],
    ['Reported by Ms Okafor at the front desk.', ['name', 'Ms Okafor']],
    ['A caller posing as Maria Okafor asked for call detail.', ['name', 'Maria Okafor']],
    ['J. Whitfield in billing looked up the records.', ['name', 'J. Whitfield']],
    ['The clerk told Kevin about the calls.', ['name', 'Kevin']],
    ['Mark Benson asked for his neighbour’s records.', ['name', 'Mark Benson']],
    ['Call back at (620) 555-0142 was refused.', ['phone', '(620) 555-0142']],
    ['The caller gave 620-555-0142 as a callback number.', ['phone', '620-555-0142']],
    ['The caller gave +1 620 555 0142 as a callback number.', ['phone', '+1 620 555 0142']],
    ['Callback number 555-0142.', ['phone', '555-0142']],
    ['The records were e-mailed to pat.doe@example.com by mistake.', ['email', 'pat.doe@example.com']],
    ['Records of account 4471-2209 were disclosed.', ['account', 'account 4471-2209']],
    ['Acct #88213 was accessed online.', ['account', 'Acct #88213']],
    ['The card ending in 4432 was used to pass authentication.', ['account', 'ending in 4432']],
    ['A bill for 4471220931 was mailed to the wrong address.', ['account', '4471220931']],
  ] as const)('finds it in “%s”', (text, expected) => {
    expect(found(text)).toContainEqual(expected);
  });

  it.each([
    'A customer reported that an employee looked at her call records without a business reason. The employee was disciplined.',
    'A caller posing as the account holder asked for call detail records; the representative refused without the password.',
    'The Company filed a petition with the Kansas Corporation Commission on 2026-05-20 against a website selling call records.',
    'Suit filed in the U.S. District Court for the District of Kansas, Case No. 2026-CV-012345.',
    'The Company notified the U.S. Secret Service and the Federal Bureau of Investigation within seven business days.',
    'In 2025-2026 three attempts were made by telephone; 2 were stopped at authentication.',
    'See Attachment A. The company retrained its staff under 47 C.F.R. § 64.2010 and FCC 23-111.',
    'The Company received 3 complaints; $1,500 was credited to the account.',
    'Customer Service reviewed the complaint on May 14, 2026 and on June 2, 2026.',
    'Will Customers be notified? Yes, by mail to the address of record.',
    'The Company’s Form 499 Filer ID 823456 appears on the notice.',
    'Grace Period ended; Bill Credit issued.',
  ])('finds nothing in “%s”', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('lists several details in the order they appear, each once', () => {
    const details = findPersonalDetails('Her husband John called from 620-555-0142 and wrote to john@example.com about account 55123987.');
    expect(details.map((d) => d.kind)).toEqual(['name', 'phone', 'email', 'account']);
    expect(details[0]!.index).toBe('Her husband '.length);
  });

  it('says what it found in words', () => {
    expect(describePersonalDetail({ kind: 'phone', excerpt: '555-0142' })).toBe('a telephone number (“555-0142”)');
    expect(
      describePersonalDetails([
        { kind: 'name', excerpt: 'Maria Okafor' },
        { kind: 'email', excerpt: 'm@example.com' },
        { kind: 'account', excerpt: 'account 4471' },
      ]),
    ).toBe('a person’s name (“Maria Okafor”), an e-mail address (“m@example.com”) and an account number (“account 4471”)');
  });
});
