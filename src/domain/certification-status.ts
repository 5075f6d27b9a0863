/**
 * A certification's status in the words a person uses, and which step may follow which:
 * draft → ready to sign → signed → filed. A signed certification can be reopened as a draft
 * (the signature is cleared and it must be signed again); a filed one is never changed, and a
 * correction is a new, amended filing.
 */
import { formatLong, type IsoDate } from './dates';

export const CERTIFICATION_STATUSES = ['draft', 'ready', 'signed', 'filed'] as const;
export type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number];

export interface StatusFacts {
  status: CertificationStatus;
  signatureDate?: IsoDate | '';
  filedOn?: IsoDate | '';
  ecfsConfirmation?: string;
}

/**
 * "Draft", "Ready to sign", "Signed on February 19, 2027", "Filed on February 20, 2027 (ECFS
 * 1022098765432)". A date still to come is never shown as done: with `today`, a signature dated
 * in the future says so.
 */
export function describeStatus(cert: StatusFacts, today?: IsoDate): string {
  switch (cert.status) {
    case 'draft':
      return 'Draft';
    case 'ready':
      return 'Ready to sign';
    case 'signed':
      if (!cert.signatureDate) return 'Signed';
      if (today && cert.signatureDate > today) return `Marked signed, but the signature date (${formatLong(cert.signatureDate)}) has not come yet`;
      return `Signed on ${formatLong(cert.signatureDate)}`;
    case 'filed': {
      const ecfs = cert.ecfsConfirmation?.trim();
      if (!cert.filedOn) return `Filed${ecfs ? ` (ECFS ${ecfs})` : ''}`;
      if (today && cert.filedOn > today) return `Marked filed, but the filing date (${formatLong(cert.filedOn)}) has not come yet`;
      return `Filed on ${formatLong(cert.filedOn)}${ecfs ? ` (ECFS ${ecfs})` : ''}`;
    }
  }
}

/** The steps a user takes, each a repository operation of its own. */
export type StatusStep = 'markReady' | 'backToDraft' | 'sign' | 'markFiled' | 'reopen' | 'amend';

const FROM: Record<StatusStep, CertificationStatus> = {
  markReady: 'draft',
  backToDraft: 'ready',
  sign: 'ready',
  markFiled: 'signed',
  reopen: 'signed',
  amend: 'filed',
};

const STEP_WORDS: Record<StatusStep, string> = {
  markReady: 'marked ready to sign',
  backToDraft: 'put back to draft',
  sign: 'marked signed',
  markFiled: 'marked filed',
  reopen: 'reopened as a draft',
  amend: 'amended',
};

/**
 * Why a step cannot be taken from the certification's current status (read inside the same
 * transaction as the write), or '' when it can.
 */
export function stepProblem(step: StatusStep, cert: StatusFacts & { amendedById?: string }): string {
  if (step === 'amend' && cert.status === 'filed' && cert.amendedById) return 'An amended filing of this certification has already been started.';
  if (cert.status === FROM[step]) return '';
  const now = describeStatus(cert);
  const hint = cert.status === 'filed' ? ' A filed certification is never changed; start an amended filing to correct it.' : cert.status === 'signed' && step !== 'markFiled' ? ' Reopen it as a draft first.' : '';
  return `It cannot be ${STEP_WORDS[step]}: it is ${now.charAt(0).toLowerCase()}${now.slice(1)}.${hint}`;
}

/** What stands between a certification that is ready to sign and marking it signed. */
export function signingProblems(cert: { signatureDate: IsoDate | ''; dateFiled: IsoDate | '' }, today: IsoDate): string[] {
  const out: string[] = [];
  if (!cert.signatureDate) out.push('Enter the signature date.');
  else if (cert.signatureDate > today) out.push(`The signature date (${formatLong(cert.signatureDate)}) has not come yet: mark it signed on the day the officer signs.`);
  if (cert.signatureDate && cert.dateFiled && cert.signatureDate > cert.dateFiled) out.push('The signature date is after the date filed.');
  return out;
}
