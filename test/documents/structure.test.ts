// @vitest-environment node
/**
 * The domain hands the documents structure, not text to split again: a data-broker action or a
 * complaint summary whose text spans several lines (even paragraphs) is one numbered item in
 * the statement and in its attachment, and attachments are found by kind, not by title.
 */
import { describe, expect, it, vi } from 'vitest';
import { exportPackage, packageDocuments } from '../../src/documents/package';
import type { Block, ListBlock } from '../../src/documents/model';
import type { ComplianceRecord } from '../../src/domain/records';
import { brokerAction, complaints, packageInput } from './fixtures';
import { loadFont, readBack } from './read-back';

vi.setConfig({ testTimeout: 60_000 });

const twoLineAction: ComplianceRecord = {
  ...(brokerAction as Extract<ComplianceRecord, { kind: 'dataBrokerAction' }>),
  id: 'r-5',
  actionOn: '2025-09-09',
  forum: 'stateCommission',
  actionKind: 'petition',
  publicSummary: 'the petition asked the commission to stop a website\nselling call records.\n\nThe commission opened a docket.',
};

const lists = (blocks: readonly Block[]) => blocks.filter((b): b is ListBlock => b.kind === 'list');

describe('documents get structure', () => {
  it('prints a data-broker action with line breaks as one numbered action, in the statement and its attachment', async () => {
    const input = packageInput({ records: [...complaints, brokerAction, twoLineAction] });
    const docs = packageDocuments(input);
    const statement = docs.find((d) => d.title.startsWith('Attachment A'))!;
    const brokers = docs.find((d) => d.title.startsWith('Attachment B'))!;
    expect(brokers.title).toMatch(/^Attachment B: Actions against data brokers/);

    const statementLists = lists(statement.blocks);
    const actionList = statementLists.find((l) => String(l.items[0]).includes('instituted a proceeding'))!;
    expect(actionList.items).toHaveLength(2);
    expect(actionList.items[1]).toBe(
      'On September 9, 2025, Prairie Valley Telephone Company and Prairie Valley Wireless LLC filed a petition before a state commission. The petition asked the commission to stop a website selling call records. The commission opened a docket.',
    );
    const attachmentList = lists(brokers.blocks);
    expect(attachmentList).toHaveLength(1);
    expect(attachmentList[0]!.items).toHaveLength(2);
    expect(attachmentList[0]!.items[1]).toBe(actionList.items[1]);

    const pdf = readBack((await exportPackage(input, { mode: 'single', loadFont }))[0]!.bytes);
    const attachmentText = pdf.text.slice(pdf.text.lastIndexOf('Attachment B: Actions against data brokers'));
    expect(attachmentText).toMatch(/1\. On May 20, 2025, .* instituted a proceeding before the court system\. 2\. On September 9, 2025, .* The commission opened a docket\./);
    expect(attachmentText).not.toMatch(/3\. /);
  });

  it('prints a user’s edit of the section as their text, without the drafted list', () => {
    const input = packageInput({ records: [...complaints, brokerAction, twoLineAction], cert: { sectionEdits: { 'data-brokers': 'We filed two actions.\n\nBoth are described in Attachment B.' } } });
    const section = input.assembled.sections.find((s) => s.id === 'data-brokers')!;
    expect(section.blocks).toBeUndefined();
    const statement = packageDocuments(input).find((d) => d.title.startsWith('Attachment A'))!;
    const texts = statement.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: unknown }).text);
    expect(texts).toContain('We filed two actions.');
    expect(texts).toContain('Both are described in Attachment B.');
  });

  it('letters attachments by kind: without data-broker actions the complaints are Attachment B', () => {
    const input = packageInput({ records: complaints });
    expect(input.assembled.model.attachmentList.map((a) => a.kind)).toEqual(['statement', 'complaints']);
    const titles = packageDocuments(input).map((d) => d.title);
    expect(titles.some((t) => t.startsWith('Attachment B: Summary of customer complaints'))).toBe(true);
    expect(titles.some((t) => t.includes('Actions against data brokers'))).toBe(false);
  });
});
