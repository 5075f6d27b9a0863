/** An opt-out notice to customers (§ 64.2008): when approval may be assumed, and the two-year refresh. */
import type { ClockContext } from '../clock';
import type { IsoDate } from '../dates';
import { DUTIES, interpretationNote } from '../duties';
import { optOutApprovalFrom, optOutNoticeRefreshDue } from '../duty-dates';
import { field, options } from './fields';
import { clip, defineKind, joinSummary, labelOf, people } from './kind';

const NOTICE_METHOD_OPTIONS = options({ electronic: 'Electronic (email)', mail: 'Mail' });

type NoticeList = NonNullable<ClockContext['notices']>;
const successorCache = new WeakMap<NoticeList, Map<string, IsoDate>>();

/** For each live notice, the day the next notice of the same client was sent (one sort per client, cached by list). */
function noticeSuccessors(notices: NoticeList): Map<string, IsoDate> {
  let next = successorCache.get(notices);
  if (next) return next;
  next = new Map();
  const byClient = new Map<string, { id: string; sentOn: IsoDate }[]>();
  for (const n of notices) {
    if (n.deletedAt) continue;
    let list = byClient.get(n.clientId);
    if (!list) byClient.set(n.clientId, (list = []));
    list.push(n);
  }
  for (const list of byClient.values()) {
    list.sort((a, b) => (a.sentOn < b.sentOn ? -1 : a.sentOn > b.sentOn ? 1 : 0));
    // Notices sent the same day do not refresh each other: the next one is the first later day.
    let later: IsoDate | undefined;
    for (let i = list.length - 1; i >= 0; i--) {
      const n = list[i]!;
      if (i + 1 < list.length && list[i + 1]!.sentOn > n.sentOn) later = list[i + 1]!.sentOn;
      if (later) next.set(n.id, later);
    }
  }
  successorCache.set(notices, next);
  return next;
}

const RULE_2007 = '2007 rule (in force)';

export const notice = defineKind({
  kind: 'notice',
  title: 'CPNI notice sent',
  plural: 'CPNI notices sent',
  citation: '§ 64.2008',
  description: 'An opt-out notice to customers: when approval may be assumed and when the two-year refresh is due; kept 1 year (§ 64.2008).',
  fields: {
    sentOn: field.date('Sent on', { required: true, hint: 'For mail, the day it was mailed.' }),
    method: field.choice('Method', NOTICE_METHOD_OPTIONS, 'Method must be electronic or mail.'),
    audienceSize: field.number('Audience size', { hint: 'How many customers the notice went to.' }),
    noticeVersion: field.text('Notice version', { hint: 'Which text was sent, so you can find a copy.' }),
  },
  dateField: 'sentOn',
  retention: 'retainNotice',
  clocks: (r, ctx) => ({
    clocks: [
      {
        dutyId: 'optOutWait',
        kind: 'notBefore',
        date: optOutApprovalFrom({ method: r.method, sentOn: r.sentOn }),
        title: 'Opt-out approval may be assumed from',
        citation: DUTIES.optOutWait.citation,
        ruleVersion: RULE_2007,
        informational: true,
        note: interpretationNote('optOutWait'),
      },
      {
        dutyId: 'optOutNoticeRefresh',
        kind: 'deadline',
        date: optOutNoticeRefreshDue(r.sentOn),
        // § 64.2008(d)(2) is done by the next notice to the same customers.
        doneOn: ctx.notices ? noticeSuccessors(ctx.notices).get(r.id) : undefined,
        title: 'Next opt-out notice due (every two years)',
        citation: DUTIES.optOutNoticeRefresh.citation,
        ruleVersion: RULE_2007,
        note: `${interpretationNote('optOutNoticeRefresh') ?? ''} A later notice, once recorded, starts a new two years.`.trim(),
      },
    ],
    notes: [],
  }),
  summary: (r) => joinSummary(labelOf(NOTICE_METHOD_OPTIONS, r.method), people(r.audienceSize, 'customer', 'customers'), r.noticeVersion && `version ${clip(r.noticeVersion, 30)}`),
});
