// What people type, made safe to store and show: Unicode NFC, line breaks as \n, and no control
// characters (a NUL would make PostgreSQL refuse the whole request), no lone surrogates or
// non-characters. Tabs and line breaks stay; everything else invisible goes.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const NON_CHARACTERS = /\p{Noncharacter_Code_Point}/gu;
// Invisible format characters that make an empty field look filled in or turn text around (bidi
// overrides): zero-width space, word joiner, direction marks and embeddings, the BOM. The zero-width
// (non-)joiners U+200C/U+200D stay: emoji and some scripts need them.
const INVISIBLE = /[\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(LONE_SURROGATES, '')
    .replace(CONTROLS, '')
    .replace(NON_CHARACTERS, '')
    .replace(INVISIBLE, '')
    .normalize('NFC');
}
