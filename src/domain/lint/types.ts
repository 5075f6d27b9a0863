/** The shapes shared by every check of the filing lint. */
import type { IsoDate } from '../dates';

export type Severity = 'error' | 'warning';

export interface Finding {
  /** The check that fired (stable: use it, with the excerpt, to key an override). */
  id: string;
  severity: Severity;
  message: string;
  /** The offending text, whitespace collapsed; '' when the finding is about something missing. */
  excerpt: string;
  /** The rule, e.g. '47 C.F.R. § 64.2011(b)'. */
  rule: string;
  fix: string;
  /** Offsets into the linted text, when the finding points at text. */
  start?: number;
  end?: number;
  /** 1-based line of `start` in the linted text (set with the offsets). */
  line?: number;
}

export interface LintContext {
  filingYear: number;
  coveredYear: number;
  /** The § 1.4(j) due date of this filing. */
  dueDate: IsoDate;
  breachRule: '2007' | '2023';
  frns: string[];
  filerIds: string[];
  signatoryTitle?: string;
  signatureDate?: IsoDate;
  dateFiled?: IsoDate;
}

export interface Segment {
  text: string;
  start: number;
  end: number;
}

/** A paragraph (text between blank lines) and the heading it sits under. */
export interface Block extends Segment {
  /** The heading or lead-in ("9. Breaches.", "BREACH NOTIFICATION") the block is read under. */
  heading: string;
}

export interface Sentence extends Segment {
  index: number;
  block: Block;
}

/** The linted text, cut into paragraphs and sentences once for every check. */
export interface Doc {
  text: string;
  blocks: Block[];
  sentences: Sentence[];
}

export type Check = (doc: Doc, ctx: LintContext) => Finding[];
