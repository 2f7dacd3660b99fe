import { ulid } from 'ulid'
import type { z } from 'zod'
import { CustomerFieldsSchema, type ImportReport } from '../../types/customers'
import type * as op from '../../types/crm-operations'
import { callerOf, type RequestContext } from '../domain/context'
import { DomainError } from '../domain/errors'
import { cellsByField, headerOfField, readCsvRecords } from '../domain/excel-csv'
import type { CustomerRecord, CustomerRepository } from './ports'
import { mapHeaders, parseDate, parseSource, splitTags, type CustomerColumn } from './csv-columns'

type CustomerFields = z.output<typeof CustomerFieldsSchema>

interface ParsedRow {
  line: number
  fields: CustomerFields
  /** Which fields the file gave a value for: an import only overwrites those. */
  given: CustomerColumn[]
}

interface Parsed {
  rows: number
  valid: ParsedRow[]
  errors: ImportReport['errors']
  columns: Record<string, string>
}

/** Reads the file and checks every row; nothing is written. */
export function readCustomerCsv(bytes: Uint8Array): Parsed {
  const records = readCsvRecords(bytes)
  const headers = records[0]!.record
  const { columns } = mapHeaders(headers)
  const columnsReport = Object.fromEntries([...columns].map(([index, field]) => [headers[index]!, field]))
  const missing = (['name', 'phone'] as const).filter((f) => ![...columns.values()].includes(f))
  if (missing.length) {
    throw new DomainError('VALIDATION_FAILED', `The file has no column for: ${missing.join(', ')}`, {
      fields: missing.map((f) => ({ path: `columns.${f}`, message: 'no column found (expected e.g. 姓名/name, 手机号/phone)' })),
    })
  }
  const headerOf = (field: CustomerColumn) => headerOfField(headers, columns, field)

  const errors: ImportReport['errors'] = []
  const valid: ParsedRow[] = []
  const firstLineOfPhone = new Map<string, number>()
  for (const { record, info } of records.slice(1)) {
    const line = info.lines
    const raw = cellsByField(record, columns)
    const rowErrors: ImportReport['errors'] = []
    const candidate: Record<string, unknown> = { name: raw.name ?? '', phone: raw.phone ?? '', tags: raw.tags ? splitTags(raw.tags) : [] }
    for (const field of ['weddingDate', 'birthday'] as const) {
      if (!raw[field]) continue
      const date = parseDate(raw[field]!)
      if (date) candidate[field] = date
      else rowErrors.push({ line, column: headerOf(field), code: 'NOT_A_DATE', values: { value: raw[field]! }, reason: `not a date: ${raw[field]}` })
    }
    if (raw.source) {
      const source = parseSource(raw.source)
      if (source) candidate.source = source
      else rowErrors.push({ line, column: headerOf('source'), code: 'UNKNOWN_SOURCE', values: { value: raw.source }, reason: `unknown source channel: ${raw.source}` })
    }
    if (raw.partnerName) candidate.partnerName = raw.partnerName
    if (raw.notes) candidate.notes = raw.notes

    const checked = CustomerFieldsSchema.safeParse(candidate)
    if (!checked.success) {
      const seen = new Set<string>()
      for (const issue of checked.error.issues) {
        const field = String(issue.path[0]) as CustomerColumn
        if (seen.has(field)) continue
        seen.add(field)
        const missing = (field === 'name' && !raw.name) || (field === 'phone' && !raw.phone)
        const reason = missing ? `missing ${field}` : `${field === 'phone' ? 'bad phone' : 'bad value'}: ${issue.message}`
        const code = missing ? 'MISSING' : field === 'phone' ? 'BAD_PHONE' : 'BAD_VALUE'
        rowErrors.push({ line, column: headerOf(field), code, values: { value: raw[field] ?? '' }, reason })
      }
    } else {
      const earlier = firstLineOfPhone.get(checked.data.phone)
      if (earlier) rowErrors.push({ line, column: headerOf('phone'), code: 'REPEATED_PHONE', values: { line: earlier }, reason: `duplicate phone within the file (first on line ${earlier})` })
      else firstLineOfPhone.set(checked.data.phone, line)
    }
    if (rowErrors.length || !checked.success) {
      errors.push(...rowErrors)
      continue
    }
    valid.push({ line, fields: checked.data, given: Object.keys(raw) as CustomerColumn[] })
  }
  return { rows: records.length - 1, valid, errors, columns: columnsReport }
}

const CHUNK_ROWS = 100
/** A transaction holds at most 100 items; a new customer takes its own, its phone's and one per tag or source. */
const itemsFor = (row: ParsedRow) => 2 + row.fields.tags.length + (row.fields.source ? 1 : 0)
function transactionGroups(rows: ParsedRow[]): ParsedRow[][] {
  const groups: ParsedRow[][] = []
  let current: ParsedRow[] = []
  let size = 0
  for (const row of rows) {
    if (size + itemsFor(row) > 100) {
      groups.push(current)
      current = []
      size = 0
    }
    current.push(row)
    size += itemsFor(row)
  }
  if (current.length) groups.push(current)
  return groups
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** What the row would change on an existing customer; tags are added to, never taken away. */
function changesFor(existing: CustomerRecord, row: ParsedRow): Partial<CustomerFields> {
  const changes: Partial<CustomerFields> = {}
  for (const field of row.given) {
    if (field === 'phone') continue
    if (field === 'tags') {
      const merged = [...new Set([...existing.tags, ...row.fields.tags])]
      if (merged.length !== existing.tags.length) changes.tags = merged
      continue
    }
    if (!same(existing[field], row.fields[field])) (changes as Record<string, unknown>)[field] = row.fields[field]
  }
  return changes
}

export interface ImportOptions {
  studioId: string
  dryRun: boolean
  now: Date
  concurrency?: number
  onProgress?: (done: number, total: number) => void
}

/**
 * Imports customers, upserting by phone: a new phone creates a customer, a known phone
 * updates the fields the file gives. Running the same file again changes nothing.
 */
export async function importCustomerCsv(customers: CustomerRepository, bytes: Uint8Array, options: ImportOptions): Promise<ImportReport> {
  const parsed = readCustomerCsv(bytes)
  const report: ImportReport = {
    dryRun: options.dryRun,
    rows: parsed.rows,
    created: 0,
    updated: 0,
    skipped: 0,
    failed: parsed.errors.length ? new Set(parsed.errors.map((e) => e.line)).size : 0,
    errors: parsed.errors,
    columns: parsed.columns,
  }
  if (options.dryRun) {
    // What the real run would do, read without writing: one batch lookup per hundred phones.
    const known = await customers.findByPhones(options.studioId, parsed.valid.map((r) => r.fields.phone))
    for (const row of parsed.valid) {
      const existing = known.get(row.fields.phone)
      if (!existing) report.created++
      else if (Object.keys(changesFor(existing, row)).length > 0) report.updated++
      else report.skipped++
    }
    return report
  }

  const now = options.now.toISOString()
  const newRecord = (row: ParsedRow): CustomerRecord => ({ ...row.fields, id: ulid(), studioId: options.studioId, phoneVerified: true, version: 1, createdAt: now, updatedAt: now })
  // What became of each row, by line: a row retried after a failed batch is counted once.
  const outcomes = new Map<number, 'created' | 'updated' | 'skipped' | { failed: string; code: string }>()
  const update = async (existing: CustomerRecord, row: ParsedRow) => {
    const changes = changesFor(existing, row)
    if (Object.keys(changes).length === 0) return outcomes.set(row.line, 'skipped')
    await customers.updateCustomer(options.studioId, existing.id, changes, now, { expectedVersion: existing.version, phoneVerified: true })
    outcomes.set(row.line, 'updated')
  }
  /** One row on its own: for rows a batch could not settle. */
  const upsertOne = async (row: ParsedRow) => {
    if (outcomes.has(row.line)) return
    try {
      const existing = await customers.findByPhone(options.studioId, row.fields.phone)
      if (existing) return void (await update(existing, row))
      await customers.createCustomer(newRecord(row))
      outcomes.set(row.line, 'created')
    } catch (error) {
      outcomes.set(row.line, { failed: error instanceof DomainError ? error.message : 'could not be saved', code: error instanceof DomainError ? error.code : 'INTERNAL' })
    }
  }
  // Rows go in chunks: one batch read finds the known phones, new customers are created
  // many to a transaction, known ones are updated one by one.
  const importChunkFast = async (chunk: ParsedRow[]) => {
    const known = await customers.findByPhones(options.studioId, chunk.map((r) => r.fields.phone))
    for (const group of transactionGroups(chunk.filter((r) => !known.has(r.fields.phone)))) {
      try {
        await customers.createCustomers(group.map(newRecord))
        for (const row of group) outcomes.set(row.line, 'created')
      } catch {
        // A phone someone created meanwhile, or a conflict: this group goes row by row.
        for (const row of group) await upsertOne(row)
      }
    }
    for (const row of chunk.filter((r) => known.has(r.fields.phone))) {
      try {
        await update(known.get(row.fields.phone)!, row)
      } catch {
        await upsertOne(row)
      }
    }
  }
  const chunks: ParsedRow[][] = []
  for (let i = 0; i < parsed.valid.length; i += CHUNK_ROWS) chunks.push(parsed.valid.slice(i, i + CHUNK_ROWS))
  let done = 0
  let next = 0
  const worker = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++]!
      try {
        await importChunkFast(chunk)
      } catch {
        // Anything unexpected (throttling, a timeout): the rest of the chunk goes row by row.
        for (const row of chunk) await upsertOne(row)
      }
      done += chunk.length
      options.onProgress?.(done, parsed.valid.length)
    }
  }
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker))
  for (const [line, outcome] of outcomes) {
    if (typeof outcome === 'string') report[outcome]++
    else {
      report.failed++
      report.errors.push({ line, column: '', code: 'NOT_SAVED', values: { error: outcome.code }, reason: outcome.failed })
    }
  }
  report.errors.sort((a, b) => a.line - b.line)
  return report
}

/** customers.import: the file as uploaded, for the caller's studio. */
export async function importCustomers(deps: { customers: CustomerRepository }, input: z.output<typeof op.importCustomers.input>, ctx: RequestContext) {
  return importCustomerCsv(deps.customers, Buffer.from(input.fileBase64, 'base64'), { studioId: callerOf(ctx).studioId, dryRun: input.dryRun, now: ctx.now })
}
