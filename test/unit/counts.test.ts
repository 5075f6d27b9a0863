import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCount } from '../../src/domain/counts';

describe('a count as people read it', () => {
  it('groups thousands with commas', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(150000)).toBe('150,000');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(-4200)).toBe('-4,200');
  });

  it('reads as the browser would write it in US English, for any whole number', () => {
    fc.assert(fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => formatCount(n) === n.toLocaleString('en-US')));
    expect(formatCount(2.5)).toBe('2.5');
  });
});
