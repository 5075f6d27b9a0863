/**
 * The § 64.2009(f) letter to the FCC when a carrier's opt-out mechanism fails, from the
 * opt-out failure record. Statically importable: jsPDF (render.ts) loads only on export.
 */
import { ADDRESSEE_CAUTION, DEFAULT_ADDRESSEE } from '../domain/certification-record';
import { compareDates, formatLong } from '../domain/dates';
import type { OptOutFailureRecord } from '../domain/records';
import type { Client } from '../domain/schema';
import { optOutFailureLetterDocument, type SignatureInput } from './builders';
import type { FontLoader } from './fonts';
import type { IsoDate, PdfDocument } from './model';
import { addressLines, paragraphsOf, preparerAuthor, preparerLetterhead, type ExportedFile, type PreparerProfile } from './package';

const RULE = '47 C.F.R. § 64.2009(f)';

/** Printed under "Via …"; the rule asks for a letter but names no channel, so it is editable. */
export const DEFAULT_OPT_OUT_DELIVERY = 'Via ECFS';

/** What the user must verify before sending: shown beside the letter, never printed in it. */
export const OPT_OUT_LETTER_CAUTIONS: readonly string[] = [
  ADDRESSEE_CAUTION,
  `${RULE} asks for a letter to the Commission but does not say how to send it. "${DEFAULT_OPT_OUT_DELIVERY}" is CPNI Desk's default, not an FCC instruction: check the current FCC filing instructions.`,
];

export interface OptOutLetterContact {
  name: string;
  title?: string;
  phone?: string;
  email?: string;
  /** Postal address lines; the carrier's address when omitted. */
  address?: readonly string[];
}

export interface OptOutLetterInput {
  record: Pick<
    OptOutFailureRecord,
    'learnedOn' | 'mechanism' | 'problem' | 'remedy' | 'remedyOn' | 'stateCommissionsNotified' | 'stateCommissionAction' | 'customerNotice'
  >;
  client: Pick<Client, 'legalName' | 'filerId' | 'dbaNames' | 'address' | 'phone' | 'email'>;
  /** A consultant who writes and signs for the carrier; without one the contact signs. */
  preparer?: PreparerProfile;
  /** The person the FCC may contact about the failure (§ 64.2009(f) "contact information"). */
  contact: OptOutLetterContact;
  /** The letter's date. */
  date: IsoDate;
  /** Defaults to the certification cover letter's FCC addressee (unverified: see OPT_OUT_LETTER_CAUTIONS). */
  addressee?: readonly string[];
  delivery?: string;
}

const TO_COMPLETE = (what: string) => `[To be completed: ${what}]`;

/** "None", "no", "n/a" typed into a field: the user's answer is that there was none. */
function saysNone(text: string): boolean {
  return /^(none|no|n\/?a|not applicable)\.?$/i.test(text.trim());
}

/** Every element § 64.2009(f) asks for, in the rule's order, labelled. */
export function optOutLetterElements(input: OptOutLetterInput): { label: string; value: string }[] {
  const { record: r, client, contact, date } = input;
  const dba = client.dbaNames.filter(Boolean);
  const carrier = `${client.legalName}${dba.length ? ` (doing business as ${dba.join(', ')})` : ''}, Form 499 Filer ID ${client.filerId}`;

  const remedy = r.remedy.trim() || TO_COMPLETE('the remedy proposed');
  const when = !r.remedyOn
    ? TO_COMPLETE('when the remedy will be or was implemented')
    : compareDates(r.remedyOn, date) <= 0
      ? `It was implemented on ${formatLong(r.remedyOn)}.`
      : `It will be implemented by ${formatLong(r.remedyOn)}.`;

  const notified = r.stateCommissionsNotified.trim();
  const action = r.stateCommissionAction.trim();
  const stateCommissions = !notified
    ? TO_COMPLETE('whether the relevant state commission(s) have been notified, and whether they have taken any action')
    : saysNone(notified)
      ? 'The carrier has not notified any state commission of this failure, so no state commission has taken action on it.'
      : `State commission(s) notified: ${notified}\nAction taken by the state commission(s): ${
          !action ? TO_COMPLETE('whether they have taken any action') : saysNone(action) ? 'None to date.' : action
        }`;

  const notice = r.customerNotice.trim();
  const customerNotice = !notice
    ? TO_COMPLETE('a copy of the notice provided to customers, or that none was provided')
    : saysNone(notice)
      ? 'The carrier has not provided a notice to customers about this failure.'
      : `A copy of the notice provided to customers is enclosed. Its text:\n${paragraphsOf(notice).join('\n')}`;

  const contactLines = [
    [contact.name, contact.title].filter(Boolean).join(', '),
    client.legalName,
    ...(contact.address ?? addressLines(client.address)),
    contact.phone ? `Telephone: ${contact.phone}` : '',
    contact.email ? `E-mail: ${contact.email}` : '',
  ].filter(Boolean);

  return [
    { label: 'Carrier', value: carrier },
    { label: 'Opt-out mechanism(s) used', value: r.mechanism.trim() },
    { label: 'Problem(s) experienced', value: `${r.problem.trim()}\nThe carrier learned of the failure on ${formatLong(r.learnedOn)}.` },
    { label: 'Remedy proposed and when it will be or was implemented', value: `${remedy}\n${when}` },
    { label: 'State commission(s) notified and any action taken', value: stateCommissions },
    { label: 'Notice provided to customers', value: customerNotice },
    { label: 'Contact information', value: contactLines.join('\n') },
  ];
}

/** What the letter still lacks or asks the user to do before sending it. */
export function optOutLetterGaps(input: OptOutLetterInput): string[] {
  const { record: r, contact } = input;
  const gaps: string[] = [];
  if (!r.remedy.trim()) gaps.push('Describe the remedy proposed.');
  if (!r.remedyOn) gaps.push('Give the date the remedy will be or was implemented.');
  if (!r.stateCommissionsNotified.trim()) gaps.push('Say whether the relevant state commission(s) have been notified (write "None" if not).');
  else if (!saysNone(r.stateCommissionsNotified) && !r.stateCommissionAction.trim()) gaps.push('Say whether the state commission(s) have taken any action (write "None" if not).');
  if (!r.customerNotice.trim()) gaps.push('Give the notice provided to customers (write "None" if there was none).');
  else if (!saysNone(r.customerNotice)) gaps.push('Enclose a copy of the notice provided to customers with the letter.');
  if (!contact.name.trim()) gaps.push('Name a contact person.');
  if (!contact.phone?.trim() && !contact.email?.trim()) gaps.push('Give the contact’s telephone number or e-mail address.');
  return gaps;
}

export function optOutFailureLetter(input: OptOutLetterInput): PdfDocument {
  const { record, client, preparer, contact, date } = input;
  const company = { name: client.legalName, filerId: client.filerId };
  const notice = record.customerNotice.trim();
  const signature: SignatureInput = preparer
    ? {
        kind: 'typed',
        name: preparer.name,
        ...(preparer.credentials ? { title: preparer.credentials } : {}),
        lines: [preparer.firm, ...addressLines(preparer.address), preparer.phone, preparer.email, `On behalf of ${client.legalName}`].filter(Boolean),
      }
    : { kind: 'typed', name: contact.name, ...(contact.title ? { title: contact.title } : {}), lines: [client.legalName] };
  const letterhead = preparer
    ? preparerLetterhead(preparer)
    : [client.legalName, ...addressLines(client.address), [client.phone, client.email].filter(Boolean).join(' · ')].filter(Boolean);

  return optOutFailureLetterDocument({
    author: preparer ? preparerAuthor(preparer) : client.legalName,
    footerNote: `${client.legalName} · Notice under ${RULE}`,
    company,
    letterhead,
    date,
    addressee: input.addressee ?? DEFAULT_ADDRESSEE,
    addressLines: [],
    delivery: input.delivery ?? DEFAULT_OPT_OUT_DELIVERY,
    salutation: 'Dear Secretary:',
    body: [
      `${client.legalName} gives notice under ${RULE} that an opt-out mechanism it offers for customer approval of the use of customer proprietary network information (CPNI) did not work properly, to such a degree that customers’ inability to opt out was more than an anomaly.`,
      `Section 64.2009(f) requires this written notice to the Commission within five business days, even when the carrier offers other ways to opt out. The information the rule asks for follows.`,
    ],
    elements: optOutLetterElements(input),
    closing: 'Respectfully submitted,',
    signature: { ...signature, date },
    ...(notice && !saysNone(notice) ? { enclosures: ['Copy of the notice provided to customers'] } : {}),
  });
}

export async function exportOptOutLetter(input: OptOutLetterInput, options: { loadFont?: FontLoader } = {}): Promise<ExportedFile> {
  const doc = optOutFailureLetter(input);
  const { renderPdf } = await import('./render');
  return { fileName: doc.fileName, bytes: await renderPdf(doc, options.loadFont ? { loadFont: options.loadFont } : {}) };
}
