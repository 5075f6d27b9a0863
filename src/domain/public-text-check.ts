/**
 * Warnings on the text a filing prints about customers: the public summaries of complaints,
 * data-broker actions and pretexting attempts, and the user's own wording when an answer is
 * overridden. The ECFS filing is public; a customer's name, number, e-mail or account must not
 * be in it (47 U.S.C. § 222 protects the customer's information).
 */
import type { CertificationModel, CertificationOverrides } from './certification';
import { formatLong } from './dates';
import { describePersonalDetails, findPersonalDetails } from './personal-details';
import type { Finding } from './statement-lint';

export const PERSONAL_DETAILS_FINDING = 'public-text-personal-details';

const RULE = '47 C.F.R. § 64.2009(e); 47 U.S.C. § 222';
const FIX = 'Reword it without the person’s name, telephone number, e-mail address or account number: the filing is public.';

function warning(where: string, text: string): Finding | undefined {
  const details = findPersonalDetails(text);
  if (!details.length) return undefined;
  return {
    id: PERSONAL_DETAILS_FINDING,
    severity: 'warning',
    message: `${where} appears to contain ${describePersonalDetails(details)}.`,
    excerpt: text.replace(/\s+/g, ' ').trim(),
    rule: RULE,
    fix: FIX,
  };
}

/** One warning per printed text that looks as if it holds a person's details. */
export function publicTextFindings(model: CertificationModel, overrides: CertificationOverrides): Finding[] {
  const out: (Finding | undefined)[] = [];
  if (overrides.dataBrokers) out.push(warning('Your explanation of the actions against data brokers', overrides.dataBrokers.value.explanation));
  else for (const a of model.dataBrokers.actions) out.push(warning(`The public summary of the action against data brokers of ${formatLong(a.actionOn)}`, a.publicSummary ?? ''));
  if (overrides.complaints) out.push(warning('Your summary of the complaints', overrides.complaints.value.summary));
  else for (const c of model.complaints.records) out.push(warning(`The public summary of the complaint received on ${formatLong(c.receivedOn)}`, c.publicSummary ?? ''));
  if (overrides.pretexting) out.push(warning('Your pretexting paragraph', overrides.pretexting.value.text));
  else for (const p of model.pretexting.attempts) out.push(warning(`The public summary of the pretexting attempt of ${formatLong(p.occurredOn)}`, p.publicSummary ?? ''));
  return out.filter((f): f is Finding => f !== undefined);
}
