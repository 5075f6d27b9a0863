/**
 * Reading the text: sentences within paragraphs within headings, and finding builders that
 * point at a place in the text.
 */
import type { Block, Doc, Finding, Segment, Sentence, Severity } from './types';

const ABBREVIATION =
  /(?:^|[\s(])(?:u\.s|no|nos|inc|corp|co|ltd|llc|l\.l\.c|mr|ms|mrs|dr|st|sec|secs|para|v|vs|e\.g|i\.e|c\.f\.r|u\.s\.c|fed|reg|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|approx|al|p\.o|a\.m|p\.m|ph\.d)\.$/i;

/** Sentences (and headings, list items, paragraphs) with their offsets in the text. */
export function segmentSentences(text: string): Segment[] {
  const out: Segment[] = [];
  let from = 0;
  const push = (end: number) => {
    const raw = text.slice(from, end);
    // Leading whitespace and a list marker ("1. ", "(a) ", "- ") are not part of the sentence.
    const lead = raw.length - raw.replace(/^\s*(?:(?:\d{1,3}|[a-z]|[ivx]{1,4})\.\s+|\([a-z0-9]{1,3}\)\s+|[-•*]\s+)?/i, '').length;
    const trimmed = raw.slice(lead).trimEnd();
    if (trimmed) out.push({ text: trimmed, start: from + lead, end: from + lead + trimmed.length });
  };
  const boundary = /([.!?])(["'”’)\]]*)(\s+)(?=\S)|\n[ \t]*\n|\n(?=[ \t]*(?:\d{1,2}\.\s|[-•*]\s|\([a-z0-9]{1,3}\)\s))/g;
  for (const m of text.matchAll(boundary)) {
    const at = m.index;
    if (m[1]) {
      const before = text.slice(Math.max(0, at - 12), at + 1);
      const next = text[at + m[0].length] ?? '';
      // "1. Heading": a list number, not the end of a sentence.
      const listNumber = /^(?:\d{1,3}|[a-z]|[ivx]{1,4})$/i.test(text.slice(from, at).trim());
      if (ABBREVIATION.test(before) || /[a-z]/.test(next) || listNumber) continue;
      const end = at + 1 + (m[2]?.length ?? 0);
      push(end);
      from = end;
    } else {
      push(at);
      from = at;
    }
  }
  push(text.length);
  return out;
}

/** A short line with no sentence in it ("BREACH NOTIFICATION", "Breaches:"). */
function isHeadingLine(s: string): boolean {
  const t = s.trim();
  return t.length > 0 && t.length <= 70 && t.split(/\s+/).length <= 8 && !/[.;,]$/.test(t.replace(/:$/, ''));
}

/** Paragraphs between blank lines (and numbered items), each with the heading it sits under. */
export function segmentBlocks(text: string): Block[] {
  const out: Block[] = [];
  let heading = '';
  const re = /[^\n]+(?:\n(?![ \t]*\n)(?![ \t]*(?:\d{1,2}\.\s|\([a-z0-9]{1,3}\)\s))[^\n]*)*/g;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const t = raw.trim();
    if (!t) continue;
    const start = m.index + raw.indexOf(t);
    if (!t.includes('\n') && isHeadingLine(t)) {
      heading = t;
      out.push({ text: t, start, end: start + t.length, heading: t });
      continue;
    }
    // "9. Breaches. As soon as …": the lead-in is the paragraph's own heading.
    const lead = /^(?:(?:\d{1,3}|[a-z]|[ivx]{1,4})\.\s+|\([a-z0-9]{1,3}\)\s+)?([A-Z][^.:\n]{0,60})[.:]\s/.exec(t);
    const own =
      lead && lead[1]!.split(/\s+/).length <= 6 && !/\b(?:is|are|was|were|has|have|will|shall|may|must|does|do|can|notif\w*|sends?|keeps?|waits?|uses?|gives?|receives?|takes?|provides?)\b/i.test(lead[1]!)
        ? lead[1]!
        : '';
    out.push({ text: t, start, end: start + t.length, heading: [heading, own].filter(Boolean).join(' / ') });
    // A numbered section's own heading ("9. Training.") ends the one above it.
    if (own) heading = own;
  }
  return out;
}

export function analyse(text: string): Doc {
  const blocks = segmentBlocks(text);
  const sentences: Sentence[] = segmentSentences(text).map((s, index) => {
    const block = blocks.find((b) => b.start <= s.start && s.start < b.end) ?? { ...s, heading: '' };
    return { ...s, index, block };
  });
  return { text, blocks, sentences };
}

export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** 1-based line number of an offset. */
export function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** A finding that points at text[start, end), or (without offsets) at something missing. */
export function make(
  id: string,
  severity: Severity,
  message: string,
  rule: string,
  fix: string,
  text: string,
  start?: number,
  end?: number,
): Finding {
  if (start === undefined || end === undefined) return { id, severity, message, excerpt: '', rule, fix };
  return { id, severity, message, excerpt: collapse(text.slice(start, end)), rule, fix, start, end };
}

/** A finding about a value from the context or the fields, not from the text. */
export function about(id: string, severity: Severity, message: string, rule: string, fix: string, excerpt: string): Finding {
  return { id, severity, message, excerpt, rule, fix };
}

export function forSegment(id: string, severity: Severity, message: string, rule: string, fix: string, text: string, s: Segment): Finding {
  return make(id, severity, message, rule, fix, text, s.start, s.end);
}

/** The sentence that holds an offset. */
export function sentenceAt(doc: Doc, offset: number): Sentence | undefined {
  return doc.sentences.find((s) => s.start <= offset && offset < s.end);
}
