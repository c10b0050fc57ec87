// What people type, made safe to store and show: Unicode NFC, line breaks as \n, and no control
// characters (a NUL would make PostgreSQL refuse the whole request), no lone surrogates or
// non-characters. Tabs and line breaks stay; everything else invisible goes.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(LONE_SURROGATES, '').replace(CONTROLS, '').normalize('NFC');
}
