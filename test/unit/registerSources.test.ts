import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { inRegister } from '../../bot/domain/wording/register.ts';

const ROOT = path.join(import.meta.dirname, '../..');
const STANDALONE_U = /(?<!\p{L})(u|U|uw|Uw)(?!\p{L})/u;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return full === path.join(ROOT, 'bot/store/generated') ? [] : files(full);
    return e.name.endsWith('.ts') && full !== path.join(ROOT, 'bot/domain/wording/register.ts') ? [full] : [];
  });
}

const taggedTexts: string[] = [];

/** String and template literals with a standalone u/uw that do not go through the `nl` tag. */
function untagged(file: string): string[] {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const tagged_ = taggedTexts;
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const p = node.parent;
      const tagged = ts.isTaggedTemplateExpression(p) && /^nl/.test(p.tag.getText(sf));
      const notText = ts.isLiteralTypeNode(p) || ts.isImportDeclaration(p) || ts.isExportDeclaration(p);
      const text = ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ') : node.text;
      // The value "u" itself (a setting, a JSON escape) is no text for people.
      if (!tagged && !notText && text !== 'u' && STANDALONE_U.test(text.replace(/"u"/g, ''))) {
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
        found.push(`${path.relative(ROOT, file)}:${line + 1}: ${text.slice(0, 80)}`);
      }
      if (tagged) {
        tagged_.push(...(ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((s) => s.literal.text)] : [node.text]));
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('register in code: every user-facing literal with u/uw goes through nl`…`', () => {
  const sources = [...files(path.join(ROOT, 'bot')), ...files(path.join(ROOT, 'cards'))];

  it('scans the sources', () => {
    expect(sources.length).toBeGreaterThan(50);
    expect(untagged(path.join(ROOT, 'bot/domain/wording/register.ts'))).not.toEqual([]);
  });

  it('finds no untagged literal', () => {
    expect(sources.flatMap(untagged)).toEqual([]);
  });

  it('every tagged text converts to "je" without an unknown verb and without a u left', () => {
    expect(taggedTexts.length).toBeGreaterThan(100);
    const left = taggedTexts.map((t) => inRegister(t, 'je')).filter((t) => STANDALONE_U.test(t));
    expect(left).toEqual([]);
  });
});
