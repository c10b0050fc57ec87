import { describe, expect, it } from 'vitest';
import { cleanText } from '../../bot/domain/text.ts';

// Extends test/text.test.ts with edges it does not cover.
describe('cleanText: edges', () => {
  it('the empty string stays empty', () => {
    expect(cleanText('')).toBe('');
  });

  it('every kind of line break becomes one \\n: \\r\\n, lone \\r, and \\r\\r\\n', () => {
    expect(cleanText('a\r\r\nb')).toBe('a\n\nb');
    expect(cleanText('a\n\rb')).toBe('a\n\nb');
    expect(cleanText('\r')).toBe('\n');
  });

  it('removes every C0 and C1 control except tab and line feed', () => {
    let all = '';
    for (let c = 0; c <= 0x9f; c++) if (c < 0x20 || c >= 0x7f) all += String.fromCharCode(c);
    expect(cleanText(all)).toBe('\t\n\n'); // tab, line feed, and the carriage return made a line feed
  });

  it('keeps ordinary text, punctuation and non-Latin scripts unchanged', () => {
    const text = 'Zoë’s “vraag” — groep 7/8: €12,50 · Ελληνικά · العربية · 日本語 · 👩🏽‍🏫';
    expect(cleanText(text)).toBe(text);
  });

  it('a control between a letter and its accent no longer blocks composition', () => {
    expect(cleanText('e\u0000\u0301')).toBe('é');
    expect(cleanText('e\u0000\u0301').length).toBe(1);
  });

  it('a lone high surrogate before a real pair goes, the pair stays', () => {
    expect(cleanText('\uD800\uD83D\uDC4D')).toBe('👍');
    expect(cleanText('\uD83D\uDC4D\uDC00')).toBe('👍');
    expect(cleanText('\uDC4D\uD83D')).toBe('');
  });

  it('composes Hangul jamo and keeps compatibility forms (NFC, not NFKC)', () => {
    expect(cleanText('\u1100\u1161')).toBe('\uAC00');
    expect(cleanText('ﬁ ①')).toBe('ﬁ ①');
  });

  it('removes invisible format characters (zero-width space, direction marks and overrides, word joiner, BOM)', () => {
    expect(cleanText('a\u200B\u200E\u200F\u202E\u2060\u2066\uFEFFb')).toBe('ab');
  });

  it('keeps the joiners emoji and scripts need, the line separator and the soft hyphen', () => {
    const kept = '\u200C\u200D\u2028\u00AD';
    expect(cleanText(`a${kept}b`)).toBe(`a${kept}b`);
    expect(cleanText('👨\u200D👩\u200D👧')).toBe('👨\u200D👩\u200D👧');
  });

  it('removes the other non-characters too (U+FDD0, U+1FFFF)', () => {
    expect(cleanText('a\uFDD0b\uD83F\uDFFFc')).toBe('abc');
  });
});
