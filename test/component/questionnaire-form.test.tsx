import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@solidjs/testing-library';
import { createStore, reconcile } from 'solid-js/store';
import { QuestionnaireForm } from '../../src/features/certifications/QuestionnaireForm';
import { StatementRules } from '../../src/features/certifications/StatementRules';
import { emptyAnswers, type StoredAnswers } from '../../src/domain/statement-answers';
import { formatLong, todayLocal } from '../../src/domain/dates';
import type { Service } from '../../src/domain/schema';

/** The form as the certification editor holds it: answers in a store, replaced on each change. */
function mount(start: StoredAnswers = emptyAnswers(), services: Service[] = ['wireline']) {
  const [state, setState] = createStore({ answers: start });
  render(() => <QuestionnaireForm answers={state.answers} context={{ services, coveredYear: 2026 }} onChange={(a) => setState('answers', reconcile(a))} />);
  return { answers: () => state.answers };
}

const topicBox = (title: string) => screen.getAllByTestId('topic').find((t) => t.querySelector('legend')?.textContent?.startsWith(title))!;
const status = (title: string) => within(topicBox(title)).getByTestId('topic-status').textContent;
const choose = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

// Each test renders the whole questionnaire in jsdom, which takes a few seconds on a busy machine.
describe('QuestionnaireForm', { timeout: 20_000 }, () => {
  it('starts with every topic unanswered and no answer filled in', () => {
    mount();
    const topics = screen.getAllByTestId('topic');
    expect(topics.length).toBeGreaterThan(10);
    for (const t of topics) expect(within(t).getByTestId('topic-status').textContent).toBe('To answer: Not answered yet.');
    expect((screen.getByLabelText('Who is trained') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Customers can see account information online') as HTMLSelectElement).value).toBe('');
    expect(screen.queryAllByRole('button', { name: /^Confirm/ })).toHaveLength(0);
    expect(screen.getByTestId('questionnaire-summary').textContent).toBe(`${topics.length} topics apply to this company: ${topics.length} not answered.`);
  });

  it('fills from typical small-carrier practice in one step, marks each topic as a sample, and confirms topics one by one', () => {
    const { answers } = mount();
    fireEvent.click(screen.getByRole('button', { name: 'Fill from typical small-carrier practice' }));
    expect(screen.queryByRole('button', { name: 'Fill from typical small-carrier practice' })).toBeNull();
    const topics = screen.getAllByTestId('topic');
    for (const t of topics) expect(within(t).getByTestId('topic-status').textContent).toMatch(/^To review: Sample answers from typical small-carrier practice, not yet reviewed\./);
    expect((screen.getByLabelText('Who is trained') as HTMLInputElement).value).toBe('All employees and contractors who can see or use CPNI');
    expect(screen.getAllByRole('button', { name: /^Confirm/ })).toHaveLength(topics.length);

    fireEvent.click(screen.getByRole('button', { name: 'Confirm “Training and discipline”' }));
    expect(status('Training and discipline')).toBe(`Sample answers reviewed on ${formatLong(todayLocal())}.`);
    expect(answers().topics.training).toEqual({ origin: 'sample', reviewedOn: todayLocal() });
    expect(screen.getAllByRole('button', { name: /^Confirm/ })).toHaveLength(topics.length - 1);
    expect(screen.getByTestId('questionnaire-summary').textContent).toBe(`${topics.length} topics apply to this company: ${topics.length - 1} to review, 1 done.`);
  });

  it('counts a topic the user answers as answered, and keeps the field being typed in', () => {
    const { answers } = mount();
    choose('Business customers with a dedicated representative and a contract on CPNI protection use the contract’s authentication', 'no');
    expect(status('Business customers')).toBe('Answered.');
    expect(answers().values.businessCustomers?.contractAuthentication).toBe(false);

    const who = screen.getByLabelText('Who is trained') as HTMLInputElement;
    fireEvent.input(who, { target: { value: 'All staff' } });
    expect(screen.getByLabelText('Who is trained')).toBe(who);
    expect(status('Training and discipline')).toBe('To answer: Not finished: 4 questions have no answer.');
  });

  it('asks a follow-up question only when its answer calls for it, and the topics a marketing answer brings in', () => {
    mount();
    expect(screen.queryByLabelText('How a customer is authenticated before online access is first given')).toBeNull();
    choose('Customers can see account information online', 'yes');
    expect(screen.getByLabelText('How a customer is authenticated before online access is first given')).toBeTruthy();

    expect(screen.getAllByTestId('topic').some((t) => t.dataset.topic === 'notices')).toBe(false);
    choose('Its own marketing of other communications-related services to a customer', 'optOut');
    expect(topicBox('Customer notices')).toBeTruthy();
    expect(topicBox('Notice to the FCC if opt-out mechanisms fail')).toBeTruthy();
    expect(screen.getByLabelText('Days the company waits after an opt-out notice before assuming approval')).toBeTruthy();
  });

  it('says so beside a number field that holds no whole number, and warns of a gap in the answers', () => {
    const { answers } = mount();
    const years = screen.getByLabelText('Years each record is kept');
    fireEvent.input(years, { target: { value: 'one' } });
    expect(screen.getByText('Enter a whole number, such as 1.')).toBeTruthy();
    expect(answers().values.campaignRecords?.retentionYears).toBeUndefined();
    fireEvent.input(years, { target: { value: '0' } });
    expect(screen.queryByText('Enter a whole number, such as 1.')).toBeNull();
    expect(answers().values.campaignRecords?.retentionYears).toBe(0);
    expect(screen.getByText(/Campaign and disclosure records must be kept for at least one year/)).toBeTruthy();
  });

  it('shows last year’s answers as carried over, to review for this year', () => {
    const start: StoredAnswers = { ...emptyAnswers(), values: { breach: { owner: 'the general manager', recordsSystem: 'the breach binder' } }, topics: { breach: { origin: 'lastYear', reviewedOn: '', fromYear: 2026, lastReviewedOn: '2026-02-03' } } };
    mount(start);
    expect(status('Security breaches')).toBe('To review: Carried over from the 2026 certification (calendar year 2025), reviewed then on February 3, 2026: not yet reviewed for 2026. Change what is different now, then confirm.');
    fireEvent.click(screen.getByRole('button', { name: 'Confirm “Security breaches”' }));
    expect(status('Security breaches')).toBe(`Reviewed for 2026 on ${formatLong(todayLocal())}.`);
  });
});

describe('StatementRules', () => {
  function mountRules(services: Service[], date = '', effective = '') {
    let set = '';
    render(() => (
      <StatementRules certificationYear={2027} services={services} settings={{ breachRule2023EffectiveDate: effective }} simChangeComplianceDate={date} onSimChangeComplianceDate={(d) => (set = d)} />
    ));
    return { set: () => set };
  }

  it('tells the user which rule versions the statement describes, and what is not verified', () => {
    mountRules(['wireline'], '', '2026-06-01');
    const text = screen.getByTestId('statement-rules').textContent ?? '';
    expect(text).toContain('describes the 2023 amendments to § 64.2011 (FCC 23-111), because Settings say they took effect on June 1, 2026');
    expect(text).toContain('CPNI Desk could not verify that date');
    expect(screen.queryByLabelText('§ 64.2010(h) SIM-change compliance date')).toBeNull();
  });

  it('asks a wireless carrier for the § 64.2010(h) compliance date and refuses one before the rule existed', () => {
    const { set } = mountRules(['wireless'], '2019-01-01');
    expect(screen.getByText(/a compliance date before December 8, 2023 cannot be right/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('§ 64.2010(h) SIM-change compliance date'), { target: { value: '2026-07-15' } });
    expect(set()).toBe('2026-07-15');
  });
});
