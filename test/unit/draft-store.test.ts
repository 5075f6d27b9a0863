import { afterEach, describe, expect, it, vi } from 'vitest';
import { DRAFTS_BLOCKED, DRAFTS_FULL, DRAFT_TOO_LARGE, MAX_DRAFT_CHARS, clearDraft, draftKeys, hasDraft, loadDraft, saveDraft } from '../../src/ui/draft-store';

afterEach(() => vi.restoreAllMocks());

describe('the draft store', () => {
  it('keeps one draft per form and entity, with its time, revision and base, until cleared', () => {
    expect(saveDraft('client:c1', { value: { legalName: 'Mesa' }, rev: 3, base: { legalName: 'M' }, savedAt: '2026-12-02T12:00:00.000Z' })).toBeUndefined();
    expect(saveDraft('client:new', { value: { legalName: 'New Co' } })).toBeUndefined();
    expect(loadDraft('client:c1')).toEqual({ savedAt: '2026-12-02T12:00:00.000Z', rev: 3, value: { legalName: 'Mesa' }, base: { legalName: 'M' } });
    expect(loadDraft<{ legalName: string }>('client:new')?.value.legalName).toBe('New Co');
    expect(draftKeys().sort()).toEqual(['client:c1', 'client:new']);
    clearDraft('client:c1');
    expect(hasDraft('client:c1')).toBe(false);
    expect(hasDraft('client:new')).toBe(true);
  });

  it('ignores a draft it cannot read instead of failing the form', () => {
    localStorage.setItem('cpni-desk:draft:record:r1', '{not json');
    localStorage.setItem('cpni-desk:draft:record:r2', JSON.stringify({ format: 99, savedAt: 'x', value: {} }));
    expect(loadDraft('record:r1')).toBeUndefined();
    expect(loadDraft('record:r2')).toBeUndefined();
  });

  it('says in words when storage is full, and keeps no stale draft of a form too large to keep', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(saveDraft('client:new', { value: { notes: 'x' } })).toBe(DRAFTS_FULL);
    vi.restoreAllMocks();

    saveDraft('client:new', { value: { notes: 'short' } });
    expect(saveDraft('client:new', { value: { notes: 'x'.repeat(MAX_DRAFT_CHARS) } })).toBe(DRAFT_TOO_LARGE);
    expect(hasDraft('client:new')).toBe(false);
  });

  it('says in words when the browser blocks storage', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(saveDraft('client:new', { value: {} })).toBe(DRAFTS_BLOCKED);
  });
});
