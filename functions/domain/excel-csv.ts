import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { DomainError } from './errors'

/** A cell Excel would run as a formula is written as text instead; a plain number (a negative amount) stays a number. */
export const safeCell = (value: string) => (/^[=+\-@\t\r]/.test(value) && !/^-\d+(\.\d+)?$/.test(value) ? `'${value}` : value)

/** Rows as CSV that Excel opens correctly: a BOM so it reads the Chinese, CRLF lines, quotes only where needed, formulas defused. */
export function excelCsv(rows: readonly (readonly string[])[]): string {
  return '\ufeff' + stringify(rows.map((row) => row.map(safeCell)), { record_delimiter: '\r\n', quoted_match: /[",\r\n]/ })
}

/**
 * Excel on a Chinese Windows saves CSV in GBK; everything else is UTF-8, with or without a BOM.
 * GB18030 (a superset of GBK) is decoded by the runtime's own ICU tables, not a bundled copy.
 */
export function decodeCsv(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes)
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return buffer.subarray(3).toString('utf8')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer)
  } catch {
    return new TextDecoder('gb18030').decode(buffer)
  }
}

/** A CSV record with the file line it ends on. */
export interface CsvRecord {
  record: string[]
  info: { lines: number }
}

/** The records of an uploaded CSV (UTF-8, UTF-8 with BOM or GBK), the header first; a file that cannot be read is VALIDATION_FAILED naming its line. */
export function readCsvRecords(bytes: Uint8Array): CsvRecord[] {
  let records: CsvRecord[]
  try {
    records = parse(decodeCsv(bytes), {
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      // Excel pads sheets with rows of bare commas.
      skip_records_with_empty_values: true,
      trim: true,
    }) as unknown as CsvRecord[]
  } catch (error) {
    const line = (error as { lines?: number }).lines
    throw new DomainError('VALIDATION_FAILED', `The file is not a readable CSV${line ? ` (line ${line})` : ''}: ${(error as Error).message}`, {
      fields: [{ path: 'file', message: line ? `cannot be read at line ${line}` : 'cannot be read' }],
    })
  }
  if (records.length === 0) throw new DomainError('VALIDATION_FAILED', 'The file is empty', { fields: [{ path: 'file', message: 'has no rows' }] })
  return records
}

/** Our own export writes '=… as text so Excel does not run it; reading it back drops that apostrophe. */
export const unescapeFormula = (cell: string) => (/^'[=+\-@]/.test(cell) ? cell.slice(1) : cell)

/** A data row's cells by the field each mapped column stands for (`columns`: column index → field), formula escapes undone; empty cells left out. */
export function cellsByField<F extends string>(record: readonly string[], columns: ReadonlyMap<number, F>): Partial<Record<F, string>> {
  const cells: Partial<Record<F, string>> = {}
  for (const [index, field] of columns) if (record[index]) cells[field] = unescapeFormula(record[index]!)
  return cells
}

/** The header the file gave a field's column, as a problem report names it (the field itself when it has none). */
export function headerOfField<F extends string>(headers: readonly string[], columns: ReadonlyMap<number, F>, field: F): string {
  const index = [...columns].find(([, f]) => f === field)?.[0]
  return (index === undefined ? undefined : headers[index]) ?? field
}
