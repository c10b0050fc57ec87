// Where a JSON text breaks, in words the SOT office can act on.

/** One Dutch sentence: where the JSON breaks (line, column) and what to check there. */
export function jsonSyntaxMessage(source: string, err: unknown): string {
  const offset = findJsonSyntaxError(source);
  if (offset === undefined) return `Het bestand is geen geldige JSON (${err instanceof Error ? err.message : String(err)}).`;
  const { line, column } = lineAndColumn(source, offset);
  const where = `regel ${line}, kolom ${column}`;
  const found = offset < source.length ? `staat '${source[offset]}' waar dat niet kan` : 'houdt het bestand onverwacht op';
  return `Het bestand is geen geldige JSON: bij ${where} ${found}. Controleer daar (en net ervoor) de komma's, aanhalingstekens en haakjes.`;
}

/** 1-based line and column of an offset, as counted in the message (a column counts UTF-16 code units). */
export function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** Offset of the first JSON syntax error (JSON.parse in Node 20 often does not say where). */
export function findJsonSyntaxError(s: string): number | undefined {
  let i = 0;
  const ws = () => {
    while (i < s.length && ' \t\n\r'.includes(s[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (s[i] !== ch) fail();
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    while (i < s.length && s[i] !== '"') {
      if (s[i]! < ' ') fail();
      if (s[i] === '\\') {
        i++;
        if (s[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(s[i] ?? 'x')) fail();
      }
      i++;
    }
    if (i >= s.length) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const ch = s[i];
    if (ch === '{') {
      i++;
      ws();
      if (s[i] === '}') return void i++;
      for (;;) {
        ws();
        if (s[i] !== '"') fail();
        string();
        ws();
        if (s[i] !== ':') fail();
        i++;
        value();
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === '}') return void i++;
        else fail();
      }
    } else if (ch === '[') {
      i++;
      ws();
      if (s[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === ']') return void i++;
        else fail();
      }
    } else if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else {
      const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(s.slice(i));
      if (!m) fail();
      i += m![0].length;
    }
  };
  try {
    value();
    ws();
    return i < s.length ? i : undefined;
  } catch (at) {
    return typeof at === 'number' ? at : undefined;
  }
}
