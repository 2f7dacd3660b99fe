import { ulid } from 'ulid'
import type { z } from 'zod'
import { CustomerFieldsSchema } from '../../types/customers'
import type * as op from '../../types/history-import-operations'
import type { OrderImportReport } from '../../types/history-import-operations'
import type { Actor } from '../../types/orders'
import type { Package } from '../../types/catalog'
import type { CatalogRepository } from '../catalog/ports'
import type { ImportOptions } from '../customers/import-customers'
import type { CustomerRecord, CustomerRepository } from '../customers/ports'
import { actorOf, callerOf, type RequestContext } from '../domain/context'
import { DomainError, unknownReference } from '../domain/errors'
import { studioTimeZone } from '../identity/studio-time-zone'
import type { IdentityRepository } from '../identity/ports'
import type { OrderColumn } from './order-columns'
import type { ImportedOrder, OrderHistory } from './ports'
import { importedOrder } from './imported-order'
import { readOrderCsv, type PastOrder } from './read-order-csv'

const CUSTOMERS_PER_TRANSACTION = 50
const packageKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, '').toLowerCase()
/** An order takes its mark, itself, its audit entry, its payments and one day-book update per day paid on. */
const itemsOf = (order: { entry: ImportedOrder; days: Set<string> }) => 3 + order.entry.payments.length + order.days.size

/**
 * Orders many to a transaction (the customer import's way to go fast): each group stays within
 * DynamoDB's 100 items, and no two of its orders book the same day, which one transaction may update only once.
 */
function transactionGroups<T extends { entry: ImportedOrder; days: Set<string> }>(orders: T[]): T[][] {
  const open: { orders: T[]; items: number; days: Set<string> }[] = []
  const full: T[][] = []
  for (const order of orders) {
    const items = itemsOf(order)
    let group = open.find((g) => g.items + items <= 100 && ![...order.days].some((d) => g.days.has(d)))
    if (!group) {
      if (open.length >= 8) full.push(open.shift()!.orders)
      group = { orders: [], items: 0, days: new Set() }
      open.push(group)
    }
    group.orders.push(order)
    group.items += items
    for (const d of order.days) group.days.add(d)
    if (group.items > 90) full.push(open.splice(open.indexOf(group), 1)[0]!.orders)
  }
  return [...full, ...open.map((g) => g.orders)]
}

export interface OrderImportPorts {
  history: OrderHistory
  customers: CustomerRepository
  catalog: CatalogRepository
  repo: Pick<IdentityRepository, 'getStudio' | 'getBranch'>
}

/** The customer import's options, and the branch the orders go into and who imports them. */
export interface OrderImportOptions extends ImportOptions {
  branchId: string
  by: Actor
}

/**
 * Imports past orders with their payments, once per old order number:
 * 1. reads and checks every line (columns, dates, money, stages, payments adding up to paid);
 * 2. names the packages the catalogue lacks and refuses their lines;
 * 3. leaves out the numbers imported before;
 * 4. finds each customer by phone, or creates them from the line's name;
 * 5. writes each order with its payments, its number's mark and its day-book entries in one transaction.
 * A dry run stops after step 4's lookups and writes nothing.
 */
export async function importOrderCsv(deps: OrderImportPorts, bytes: Uint8Array, options: OrderImportOptions): Promise<OrderImportReport> {
  const parsed = readOrderCsv(bytes)
  const { studioId } = options
  const errors = [...parsed.errors]
  const [catalog, timeZone, imported, known] = await Promise.all([
    deps.catalog.loadCatalog(studioId),
    studioTimeZone(deps, studioId),
    deps.history.importedNumbers(studioId, parsed.valid.map((o) => o.orderNumber)),
    deps.customers.findByPhones(studioId, [...new Set(parsed.valid.map((o) => o.phone))]),
  ])
  const packages = new Map(catalog.packages.map((p) => [packageKey(p.name), p]))
  const headerOf = (field: OrderColumn) => Object.entries(parsed.columns).find(([, f]) => f === field)?.[0] ?? field
  const unknownPackages = new Set<string>()
  let skipped = 0
  const toWrite: { past: PastOrder; pkg: Package }[] = []
  for (const past of parsed.valid) {
    const pkg = packages.get(packageKey(past.packageName))
    if (imported.has(past.orderNumber)) skipped++
    else if (!pkg) {
      unknownPackages.add(past.packageName)
      errors.push({ line: past.line, column: headerOf('packageName'), code: 'UNKNOWN_PACKAGE', values: { value: past.packageName }, reason: `unknown package: ${past.packageName} (add it to the catalogue, then import again)` })
    } else if (!known.has(past.phone) && !past.customerName) {
      errors.push({ line: past.line, column: headerOf('phone'), code: 'UNKNOWN_CUSTOMER', values: { value: past.phone }, reason: `no customer has the phone ${past.phone}, and the line gives no name to create one with` })
    } else toWrite.push({ past, pkg })
  }
  const newPhones = new Map<string, string>()
  for (const { past } of toWrite) if (!known.has(past.phone) && !newPhones.has(past.phone)) newPhones.set(past.phone, past.customerName!)
  const report = (created: number, customersCreated: number, payments: number): OrderImportReport => ({
    dryRun: options.dryRun,
    rows: parsed.rows,
    created,
    skipped,
    failed: new Set(errors.map((e) => e.line)).size,
    customersCreated,
    payments,
    unknownPackages: [...unknownPackages].sort(),
    errors: errors.sort((a, b) => a.line - b.line),
    columns: parsed.columns,
  })
  if (options.dryRun) return report(toWrite.length, newPhones.size, toWrite.reduce((n, { past }) => n + past.payments.length, 0))

  const customers = new Map<string, { id: string; name: string }>([...known].map(([phone, c]) => [phone, { id: c.id, name: c.name }]))
  let customersCreated = 0
  const now = options.now.toISOString()
  const records = [...newPhones].map(([phone, name]): CustomerRecord => ({ ...CustomerFieldsSchema.parse({ name, phone, tags: [] }), id: ulid(), studioId, phoneVerified: true, version: 1, createdAt: now, updatedAt: now }))
  const createOne = async (record: CustomerRecord) => {
    try {
      await deps.customers.createCustomer(record)
      customersCreated++
      customers.set(record.phone!, { id: record.id, name: record.name })
    } catch (error) {
      // Someone (another run of the same file) created them meanwhile: theirs is the customer.
      const found = await deps.customers.findByPhone(studioId, record.phone!)
      if (!found) throw error
      customers.set(record.phone!, { id: found.id, name: found.name })
    }
  }
  // New customers go many to a transaction (a profile and its phone's item each); a group with a phone taken meanwhile goes one by one.
  for (let i = 0; i < records.length; i += CUSTOMERS_PER_TRANSACTION) {
    const group = records.slice(i, i + CUSTOMERS_PER_TRANSACTION)
    try {
      await deps.customers.createCustomers(group)
      customersCreated += group.length
      for (const record of group) customers.set(record.phone!, { id: record.id, name: record.name })
    } catch {
      for (const record of group) await createOne(record)
    }
  }

  const entries = toWrite.map(({ past, pkg }) => ({
    line: past.line,
    entry: importedOrder(past, { studioId, branchId: options.branchId, customer: customers.get(past.phone)!, pkg, by: options.by, timeZone, now: options.now }),
    days: new Set(past.payments.map((p) => p.date)),
  }))
  let created = 0
  let payments = 0
  let done = 0
  /** One order on its own: for the orders of a group that could not be written together. */
  const importOne = async ({ line, entry }: (typeof entries)[number]) => {
    try {
      if (await deps.history.importOrder(entry)) {
        created++
        payments += entry.payments.length
      } else skipped++
    } catch (error) {
      errors.push({ line, column: '', code: 'NOT_SAVED', values: { error: error instanceof DomainError ? error.code : 'INTERNAL' }, reason: error instanceof DomainError ? error.message : 'could not be saved' })
    }
  }
  const groups = transactionGroups(entries)
  let next = 0
  const worker = async () => {
    while (next < groups.length) {
      const group = groups[next++]!
      try {
        await deps.history.importOrders(group.map((g) => g.entry))
        created += group.length
        payments += group.reduce((n, g) => n + g.entry.payments.length, 0)
      } catch {
        // One of them imported before, a closed day, a conflict: each goes on its own and says which.
        for (const one of group) await importOne(one)
      }
      done += group.length
      options.onProgress?.(done, entries.length)
    }
  }
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker))
  return report(created, customersCreated, payments)
}

/** orders.import: the file as uploaded, into the branch named, for the caller's studio. */
export async function importOrders(deps: OrderImportPorts, input: z.output<typeof op.importOrders.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  if (!(await deps.repo.getBranch(caller.studioId, input.branchId))) throw unknownReference('branchId', 'branch')
  return importOrderCsv(deps, Buffer.from(input.fileBase64, 'base64'), {
    studioId: caller.studioId,
    branchId: input.branchId,
    by: actorOf(caller),
    dryRun: input.dryRun,
    now: ctx.now,
  })
}
