/** The pasted filing cut into numbered lines, each cut where a finding's text starts or ends. */
export interface LinePiece {
  text: string;
  /** Indices of the findings whose text covers this piece. */
  findings: number[];
}

export interface NumberedLine {
  number: number;
  pieces: LinePiece[];
}

export function numberedLines(text: string, ranges: readonly ({ start?: number; end?: number } | undefined)[]): NumberedLine[] {
  const out: NumberedLine[] = [];
  let offset = 0;
  text.split('\n').forEach((line, i) => {
    const from = offset;
    const to = from + line.length;
    const cuts = new Set<number>([from, to]);
    ranges.forEach((r) => {
      if (r?.start === undefined || r.end === undefined) return;
      if (r.start > from && r.start < to) cuts.add(r.start);
      if (r.end > from && r.end < to) cuts.add(r.end);
    });
    const points = [...cuts].sort((a, b) => a - b);
    const pieces: LinePiece[] = [];
    for (let k = 0; k < points.length - 1; k++) {
      const a = points[k]!;
      const b = points[k + 1]!;
      const findings = ranges.flatMap((r, idx) => (r?.start !== undefined && r.end !== undefined && r.start < b && r.end > a ? [idx] : []));
      pieces.push({ text: text.slice(a, b), findings });
    }
    if (!pieces.length) pieces.push({ text: '', findings: [] });
    out.push({ number: i + 1, pieces });
    offset = to + 1;
  });
  return out;
}
