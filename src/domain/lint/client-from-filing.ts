/**
 * A new client's details read from a filing (last year's ECFS PDF or pasted text): legal name,
 * Form 499 Filer IDs (affiliates too), the signatory and title, an address and the services.
 * Only a proposal: the check screen shows it for the user to confirm and correct before
 * anything is stored.
 */
import type { Service } from '../schema';

export interface ClientProposal {
  legalName: string;
  filerId: string;
  affiliates: { legalName: string; filerId: string }[];
  signatoryName: string;
  signatoryTitle: string;
  address: { street: string; city: string; state: string; zip: string };
  services: Service[];
  /** Which of the above were found in the text. */
  found: string[];
}

const FCC_ADDRESS = /\b(?:12th\s+St(?:reet)?\.?,?\s+S\.?W|L\s+Street,?\s+N\.?E|Junction\s+Drive|Washington,?\s+D\.?C\.?\s+2055\d|Annapolis\s+Junction|Office\s+of\s+the\s+Secretary)/i;

function clean(s: string | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').replace(/[.,;]+$/, '').trim();
}

export function clientFromFiling(text: string): ClientProposal {
  const found: string[] = [];
  const companies: { legalName: string; filerId: string }[] = [];
  const add = (legalName: string, filerId: string) => {
    const name = clean(legalName);
    if (!name || !/^\d{4,8}$/.test(filerId) || companies.some((c) => c.filerId === filerId)) return;
    companies.push({ legalName: name, filerId });
  };

  // "Prairie Valley Telephone Company 823456" rows under a "Company … Filer ID" header.
  const table = /^[ \t]*(?:company|companies|name)\b[^\n]{0,40}\bfiler\s+id[ \t]*$/im.exec(text);
  if (table) {
    for (const line of text.slice(table.index + table[0].length).split('\n').slice(1, 12)) {
      const m = /^\s*([A-Z][^\n]*?[A-Za-z.)])\s+(\d{6})\s*$/.exec(line);
      if (m && !/filer\s+id/i.test(m[1]!)) add(m[1]!, m[2]!);
      else if (line.trim() && companies.length) break;
    }
  }
  // "Form 499 Filer ID: 812345 (Desk Telephone Co.)".
  for (const m of text.matchAll(/Filer\s+ID\s*(?:No\.?|#)?\s*[:#]?[ \t]*(\d{6})[ \t]*\(([^)\n]+)\)/gi)) add(m[2]!, m[1]!);
  // "X, Form 499 Filer ID 823456" / "X (Form 499 Filer ID 823456)".
  for (const m of text.matchAll(/([A-Z][A-Za-z0-9&.,' -]{2,80}?)[,(]?[ \t]*(?:\([ \t]*)?Form[ \t]+499[ \t]+Filer[ \t]+ID[ \t]*(?:No\.?|#|:)?[ \t]*(\d{6})/g)) add(m[1]!.replace(/^(?:Re|Companies\s+covered)\s*:\s*/i, '').replace(/^.*\band\s+/, ''), m[2]!);
  const named = /name\s+of\s+compan(?:y|ies)\s+covered[^:\n]*:\s*([^\n]+)/i.exec(text);
  const filer = /\bfiler\s+id\s*(?:no\.?|#)?\s*[:#]?\s*(\d{6})\b/i.exec(text);
  if (named && filer && !companies.length) add(named[1]!.split(/\s+and\s+/)[0]!, filer[1]!);
  const legalName = companies[0]?.legalName ?? clean(named?.[1]?.split(/\s+and\s+/)[0] ?? /on\s+behalf\s+of\s+([^,\n]+)/i.exec(text)?.[1]);
  if (legalName) found.push('legal name');
  if (companies.length) found.push(companies.length > 1 ? 'Filer IDs' : 'Filer ID');

  const signatoryName = clean(/name\s+of\s+signatory\s*:\s*([^\n]+)/i.exec(text)?.[1] ?? /^\s*\/s\/\s*([^\n]+)$/m.exec(text)?.[1]);
  const signatoryTitle = clean(/title\s+of\s+signatory\s*:\s*([^\n]+)/i.exec(text)?.[1] ?? /^\s*title\s*:\s*([^\n]+)$/im.exec(text)?.[1]);
  if (signatoryName) found.push('signatory');
  if (signatoryTitle) found.push('title');

  // An address: a street line above "City, ST 12345", not the FCC's.
  let address = { street: '', city: '', state: '', zip: '' };
  const lines = text.split('\n');
  const coverLetter = /^[ \t]*(?:dear\b|re:)/im.test(text);
  const letterhead = lines.slice(0, 6).join('\n');
  for (let i = 1; i < lines.length; i++) {
    const m = /^\s*([A-Za-z .'-]+),\s*([A-Z]{2})\s+(\d{5}(?:-\d{4})?)\s*$/.exec(lines[i]!);
    const street = lines[i - 1]!.trim();
    if (!m || FCC_ADDRESS.test(`${street} ${lines[i]}`) || !/^\d+\s+\S|P\.?\s?O\.?\s+Box/i.test(street)) continue;
    // A cover letter's letterhead (repeated under its signature) is the preparer's, not the carrier's.
    if (coverLetter && letterhead.includes(street)) continue;
    address = { street, city: m[1]!.trim(), state: m[2]!, zip: m[3]! };
    break;
  }
  if (address.city) found.push('address');

  const services: Service[] = [];
  if (/\bwireline\b|\blocal\s+exchange\b|\bILEC\b|\bCLEC\b|\binterexchange\b|\blong[\s-]distance\b/i.test(text)) services.push('wireline');
  if (/\binterconnected\s+VoIP\b/i.test(text)) services.push('interconnectedVoip');
  if (/\bwireless\s+(?:service|telecommunications|carrier)|\bCMRS\b|commercial\s+mobile\s+radio/i.test(text)) services.push('wireless');
  if (services.length) found.push('services');

  return { legalName, filerId: companies[0]?.filerId ?? '', affiliates: companies.slice(1), signatoryName, signatoryTitle, address, services, found };
}
