import type { z } from 'zod'
import type * as op from '../../types/crm-operations'
import { callerOf, type RequestContext } from '../domain/context'
import { excelCsv } from '../domain/excel-csv'
import { studioDate } from '../domain/time'
import type { IdentityRepository } from '../identity/ports'
import { studioTimeZone } from '../identity/studio-time-zone'
import type { CustomerRecord, CustomerRepository } from './ports'
import { EXPORT_HEADERS, SOURCE_LABELS, type CustomerColumn } from './csv-columns'

const columns: CustomerColumn[] = ['name', 'phone', 'partnerName', 'weddingDate', 'birthday', 'source', 'tags', 'notes']

function row(c: CustomerRecord): string[] {
  const cells: Record<CustomerColumn, string> = {
    name: c.name,
    phone: c.phone ?? '',
    partnerName: c.partnerName ?? '',
    weddingDate: c.weddingDate ?? '',
    birthday: c.birthday ?? '',
    source: c.source ? SOURCE_LABELS[c.source] : '',
    tags: c.tags.join('，'),
    notes: c.notes ?? '',
  }
  return columns.map((col) => cells[col])
}

/** Every customer, by name, as CSV with a BOM so Excel reads the Chinese; the importer reads it back. */
export async function exportCustomerCsv(customers: CustomerRepository, studioId: string): Promise<{ csv: string; rows: number }> {
  const lines: string[][] = [columns.map((c) => EXPORT_HEADERS[c])]
  let cursor: string | undefined
  do {
    const page = await customers.search(studioId, { limit: 100, cursor })
    lines.push(...page.items.map(row))
    cursor = page.nextCursor
  } while (cursor)
  return { csv: excelCsv(lines), rows: lines.length - 1 }
}

/** customers.export: the CSV, named by the studio's date. */
export async function exportCustomers(deps: { customers: CustomerRepository; repo: IdentityRepository }, _input: z.output<typeof op.exportCustomers.input>, ctx: RequestContext) {
  const { studioId } = callerOf(ctx)
  const [timeZone, { csv, rows }] = await Promise.all([studioTimeZone(deps, studioId), exportCustomerCsv(deps.customers, studioId)])
  return { filename: `customers-${studioDate(ctx.now, timeZone)}.csv`, csv, rows }
}
