import type { OrgFile } from './orgFileSchema.ts';

/** One problem in an organisation file: where (JSON path like `$.schools[1].consultant`) and what to fix, in Dutch. */
export interface OrgFileError {
  path: string;
  message: string;
}

export type OrgFileResult = { ok: true; file: OrgFile } | { ok: false; errors: OrgFileError[] };

/** A zod issue path as a JSON path: `$.schools[1].consultant`. */
export function jsonPath(path: (string | number)[]): string {
  return path.reduce<string>(
    (acc, part) =>
      typeof part === 'number' ? `${acc}[${part}]` : /^[A-Za-z_$][\w$]*$/.test(part) ? `${acc}.${part}` : `${acc}[${JSON.stringify(part)}]`,
    '$',
  );
}

/** Drops errors that say the same thing about the same place. */
export function dedupe(errors: OrgFileError[]): OrgFileError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const TOP_LEVEL_ORDER = ['swv', 'people', 'consultants', 'schools', 'roles', 'thuiszittersteamChannel'];

/** Document order: top-level keys as in the contract, array items by index. */
export function sortByPath(errors: OrgFileError[]): OrgFileError[] {
  const tokens = (path: string) => path.slice(1).match(/\[\d+\]|[^.[\]]+|\["[^"]*"\]/g) ?? [];
  const rank = (token: string, depth: number): number => {
    if (/^\[\d+\]$/.test(token)) return Number(token.slice(1, -1));
    if (depth === 0) {
      const i = TOP_LEVEL_ORDER.indexOf(token);
      return i >= 0 ? i : TOP_LEVEL_ORDER.length;
    }
    return 0; // keep the validator's order between keys of one object
  };
  return errors
    .map((error, index) => ({ error, index, tokens: tokens(error.path) }))
    .sort((a, b) => {
      const n = Math.min(a.tokens.length, b.tokens.length);
      for (let d = 0; d < n; d++) {
        const ra = rank(a.tokens[d]!, d);
        const rb = rank(b.tokens[d]!, d);
        if (ra !== rb) return ra - rb;
        if (a.tokens[d] !== b.tokens[d]) return a.index - b.index;
      }
      return a.index - b.index;
    })
    .map((x) => x.error);
}
