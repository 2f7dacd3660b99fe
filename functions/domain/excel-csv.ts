import { stringify } from 'csv-stringify/sync'

/** A cell Excel would run as a formula is written as text instead; a plain number (a negative amount) stays a number. */
export const safeCell = (value: string) => (/^[=+\-@\t\r]/.test(value) && !/^-\d+(\.\d+)?$/.test(value) ? `'${value}` : value)

/** Rows as CSV that Excel opens correctly: a BOM so it reads the Chinese, CRLF lines, quotes only where needed, formulas defused. */
export function excelCsv(rows: readonly (readonly string[])[]): string {
  return '\ufeff' + stringify(rows.map((row) => row.map(safeCell)), { record_delimiter: '\r\n', quoted_match: /[",\r\n]/ })
}
