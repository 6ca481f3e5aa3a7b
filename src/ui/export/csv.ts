/**
 * CSV as Excel and other spreadsheets read it: UTF-8 with a byte order mark (without it, Excel on a
 * Chinese Windows decodes UTF-8 as GBK and garbles every name), CRLF line ends, RFC 4180 quoting.
 */
export type CsvCell = string | number | null | undefined;

const BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
/**
 * Text a spreadsheet would run as a formula (=, +, -, @, or a leading tab/CR): pack strings are
 * untrusted, so such text gets a leading apostrophe, the usual guard against CSV injection (OWASP).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file, BOM first; every row (header included) ends with CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
