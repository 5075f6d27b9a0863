import type { AssembledPackage, CertificationFields } from '../../domain/certification-record';
import { describeStatus } from '../../domain/certification-status';
import type { IsoDate } from '../../domain/dates';

export type StepState = 'done' | 'todo' | 'info';

export interface EditorStep {
  /** The id of the part of the page the step leads to. */
  anchor: string;
  title: string;
  state: StepState;
  /** What is done or left, in a few words. */
  detail: string;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The certification editor's steps, in the order of the page, each with what is left to do. */
export function editorSteps(cert: CertificationFields, assembled: Pick<AssembledPackage, 'questionnaire' | 'openFindings' | 'sections' | 'blocked'>, today: IsoDate): EditorStep[] {
  const missing = [
    !cert.signatory.name.trim() || !cert.signatory.title.trim() ? 'signatory' : '',
    !cert.signatureDate ? 'signature date' : '',
    !cert.dateFiled ? 'date filed' : '',
  ].filter(Boolean);
  const topics = assembled.questionnaire.filter((t) => t.state === 'unanswered' || t.state === 'needsReview').length;
  const errors = assembled.openFindings.filter((f) => f.severity === 'error').length;
  const warnings = assembled.openFindings.filter((f) => f.severity === 'warning').length;
  const edited = Object.keys(cert.sectionEdits).length;
  return [
    { anchor: 'step-signatory', title: 'Signatory and dates', state: missing.length ? 'todo' : 'done', detail: missing.length ? `To fill in: ${missing.join(', ')}` : `${cert.signatory.name}, ${cert.signatory.title}` },
    { anchor: 'step-records', title: 'Records of the year', state: 'info', detail: `Counted from calendar year ${cert.certificationYear - 1}'s records` },
    { anchor: 'questionnaire-heading', title: 'Questionnaire', state: topics ? 'todo' : 'done', detail: topics ? `${count(topics, 'topic', 'topics')} to answer or review` : 'Every topic answered and reviewed' },
    { anchor: 'statement-heading', title: 'Statement', state: 'info', detail: `${count(assembled.sections.length, 'section', 'sections')}${edited ? `, ${edited} edited by hand` : ''}` },
    {
      anchor: 'step-checks',
      title: 'Checks',
      state: errors ? 'todo' : 'done',
      detail: errors || warnings ? [errors ? count(errors, 'error', 'errors') : '', warnings ? count(warnings, 'warning', 'warnings') : ''].filter(Boolean).join(', ') + ' open' : 'Nothing open',
    },
    { anchor: 'step-export', title: 'Export and status', state: cert.status === 'filed' ? 'done' : 'info', detail: `${describeStatus(cert, today)}${assembled.blocked ? '; export blocked by the checks' : ''}` },
  ];
}
