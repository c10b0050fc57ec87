import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, jsonSyntaxMessage, lineAndColumn } from '../../bot/features/organisation/jsonSyntaxError.ts';
import { parseOrgFileText } from '../../bot/features/organisation/orgFile.ts';

/** Where findJsonSyntaxError puts the error, as offset and as the line/column the message shows. */
function locate(source: string) {
  const offset = findJsonSyntaxError(source);
  return offset === undefined ? undefined : { offset, ...lineAndColumn(source, offset) };
}

/** The message parseOrgFileText gives for a file that is not JSON. */
function syntaxMessage(text: string): string {
  const result = parseOrgFileText(text);
  if (result.ok || result.errors.length !== 1) throw new Error(`expected one error, got ${JSON.stringify(result)}`);
  expect(result.errors[0]!.path).toBe('$');
  return result.errors[0]!.message;
}

const CHECK = "Controleer daar (en net ervoor) de komma's, aanhalingstekens en haakjes.";

describe('findJsonSyntaxError', () => {
  it('finds nothing in valid JSON', () => {
    expect(findJsonSyntaxError('{}')).toBeUndefined();
    expect(findJsonSyntaxError(' [1, -2.5e3, true, false, null, "x\\u00e9\\n"] \n')).toBeUndefined();
    expect(findJsonSyntaxError('{\r\n  "a": { "b": [] }\r\n}')).toBeUndefined();
  });

  it('puts a trailing comma error on the closing bracket after it', () => {
    expect(locate('{\n  "a": 1,\n}')).toEqual({ offset: 12, line: 3, column: 1 });
    expect(locate('[1, 2,]')).toEqual({ offset: 6, line: 1, column: 7 });
  });

  it('finds a missing comma at the value that follows', () => {
    expect(locate('{"a": 1 "b": 2}')).toEqual({ offset: 8, line: 1, column: 9 });
  });

  it('finds keys and texts without their quotes', () => {
    expect(locate('{ a: 1 }')).toEqual({ offset: 2, line: 1, column: 3 }); // key without quotes
    expect(locate("{ 'a': 1 }")).toEqual({ offset: 2, line: 1, column: 3 }); // single quotes
    expect(locate('{ "a": abc" }')).toEqual({ offset: 7, line: 1, column: 8 }); // opening quote missing
    // Closing quote missing: the text runs on to the end of the file.
    expect(locate('{ "a": "abc }')).toEqual({ offset: 13, line: 1, column: 14 });
  });

  it('puts the end of a truncated file just past its last character', () => {
    expect(locate('{ "a": [1, 2')).toEqual({ offset: 12, line: 1, column: 13 });
    expect(locate('{ "a": "ab')).toEqual({ offset: 10, line: 1, column: 11 });
    expect(locate('{ "a":')).toEqual({ offset: 6, line: 1, column: 7 });
    expect(locate('{\n  "people": [\n    {')).toEqual({ offset: 21, line: 3, column: 6 });
  });

  it('finds text after the JSON value', () => {
    expect(locate('{} x')).toEqual({ offset: 3, line: 1, column: 4 });
  });

  it('rejects what JSON does not allow inside texts and numbers', () => {
    expect(locate('"\\x"')).toEqual({ offset: 2, line: 1, column: 3 }); // unknown escape
    expect(locate('"\\u12G4"')).toEqual({ offset: 2, line: 1, column: 3 }); // short \u escape
    expect(locate('"a\tb"')).toEqual({ offset: 2, line: 1, column: 3 }); // raw tab in a text
    expect(locate('01')).toEqual({ offset: 1, line: 1, column: 2 }); // leading zero
    expect(locate('[tru]')).toEqual({ offset: 4, line: 1, column: 5 });
  });

  it('counts lines by \\n only, so Windows line ends give the same line and column', () => {
    expect(locate('{\r\n  "a": 1,\r\n}')).toEqual({ offset: 14, line: 3, column: 1 });
  });

  it('counts columns in UTF-16 code units (an emoji counts as two)', () => {
    expect(locate('{"😀": x}')).toEqual({ offset: 7, line: 1, column: 8 });
  });

  it('treats a byte order mark as an error at the very start (parseOrgFileText strips it first)', () => {
    expect(locate('\uFEFF{}')).toEqual({ offset: 0, line: 1, column: 1 });
  });

  it('puts the error of empty or blank input at its end', () => {
    expect(locate('')).toEqual({ offset: 0, line: 1, column: 1 });
    expect(locate('  \n ')).toEqual({ offset: 4, line: 2, column: 2 });
  });

  it('finds an error at the end of a huge file, quickly', () => {
    const count = 100_000;
    const lines = ['{', '  "people": ['];
    for (let i = 0; i < count; i++) lines.push(`    { "id": "p-${i}", "name": "Persoon ${i}", "email": "p${i}@school.nl", "n": ${i} },`);
    lines.push('  ]', '}');
    const text = lines.join('\n'); // about 7 MB; the last person keeps the comma that breaks it
    expect(text.length).toBeGreaterThan(5_000_000);
    const started = performance.now();
    const found = locate(text);
    expect(found).toEqual({ offset: text.lastIndexOf(']'), line: count + 3, column: 3 });
    // One pass over the text: well under a second on CI; the bound only catches a quadratic slide.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(locate(text.replace(/,\n {2}\]/, '\n  ]'))).toBeUndefined();
  });

  it('scans a long list of numbers without slowing down', () => {
    const text = `[${Array.from({ length: 200_000 }, (_, i) => i).join(',')},]`;
    expect(locate(text)).toEqual({ offset: text.length - 1, line: 1, column: text.length });
  });

  it('gives up (undefined) on nesting deeper than the call stack, and does not throw', () => {
    const deep = `${'['.repeat(100_000)}x`;
    expect(findJsonSyntaxError(deep)).toBeUndefined();
    // parseOrgFileText then falls back to JSON.parse's own message, still a Dutch error at '$'.
    expect(syntaxMessage(deep)).toMatch(/^Het bestand is geen geldige JSON \(.+\)\.$/);
  });
});

describe('jsonSyntaxMessage', () => {
  it('names the line, the column and the character found there', () => {
    expect(jsonSyntaxMessage('{\n  "a": 1,\n}', new SyntaxError('x'))).toBe(
      `Het bestand is geen geldige JSON: bij regel 3, kolom 1 staat '}' waar dat niet kan. ${CHECK}`,
    );
  });

  it('says the file stops too early when it is truncated', () => {
    expect(jsonSyntaxMessage('{ "a": [1, 2', new SyntaxError('x'))).toBe(
      `Het bestand is geen geldige JSON: bij regel 1, kolom 13 houdt het bestand onverwacht op. ${CHECK}`,
    );
  });

  it("uses JSON.parse's message when it cannot find the place", () => {
    expect(jsonSyntaxMessage('{}', new SyntaxError('Unexpected token'))).toBe('Het bestand is geen geldige JSON (Unexpected token).');
    expect(jsonSyntaxMessage('{}', 'iets anders')).toBe('Het bestand is geen geldige JSON (iets anders).');
  });
});

describe('parseOrgFileText on broken JSON', () => {
  it('strips a byte order mark before locating, so line and column match the editor', () => {
    expect(syntaxMessage('\uFEFF{\n  "swv": {},\n}')).toBe(
      `Het bestand is geen geldige JSON: bij regel 3, kolom 1 staat '}' waar dat niet kan. ${CHECK}`,
    );
  });

  it('calls empty and blank files empty, with or without a byte order mark', () => {
    const empty = 'Het bestand is leeg. Verwacht een JSON-object met swv, people, consultants en schools.';
    expect(syntaxMessage('')).toBe(empty);
    expect(syntaxMessage(' \r\n\t')).toBe(empty);
    expect(syntaxMessage('\uFEFF')).toBe(empty);
  });

  it('reports a missing quote in a real-looking file', () => {
    expect(syntaxMessage('{\n  "swv": { "name": "X", "code": PO1" }\n}')).toBe(
      `Het bestand is geen geldige JSON: bij regel 2, kolom 33 staat 'P' waar dat niet kan. ${CHECK}`,
    );
  });
});
