import { describe, expect, it } from 'vitest';
import { cleanText } from '../bot/domain/text.ts';

describe('cleanText', () => {
  it('removes NUL and other control characters, keeps tabs and line breaks', () => {
    expect(cleanText('a\u0000b\u0007c\u001Bd\u007Fe\u0085f')).toBe('abcdef');
    expect(cleanText('regel 1\r\nregel 2\rregel 3\tklaar')).toBe('regel 1\nregel 2\nregel 3\tklaar');
  });
  it('removes lone surrogates and non-characters, keeps real emoji and accents', () => {
    expect(cleanText('x\uD800y\uDC00z\uFFFE')).toBe('xyz');
    expect(cleanText('👍 café')).toBe('👍 café');
  });
  it('normalises to NFC, so the same name is stored the same way', () => {
    expect(cleanText('Ame\u0301lie')).toBe('Amélie');
  });
});
