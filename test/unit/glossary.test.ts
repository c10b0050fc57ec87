import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AVOIDED } from '../../bot/domain/wording/glossary.ts';

const ROOT = path.join(import.meta.dirname, '../..');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return full.endsWith(path.join('store', 'generated')) ? [] : files(full);
    return /\.(ts|json)$/.test(e.name) && !full.endsWith(path.join('wording', 'glossary.ts')) ? [full] : [];
  });
}

describe('glossary: one label for one thing', () => {
  const sources = [...files(path.join(ROOT, 'bot')), ...files(path.join(ROOT, 'cards'))];

  it('finds the sources', () => {
    expect(sources.some((f) => f.endsWith('spreekuurForm.json'))).toBe(true);
  });

  it.each(AVOIDED.map((a) => [a.variant.source, a] as const))('nobody writes %s', (_, { variant, use }) => {
    const hits = sources.filter((f) => variant.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(ROOT, f));
    expect(hits, `use "${use}" instead`).toEqual([]);
  });
});
