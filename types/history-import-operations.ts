import * as z from 'zod'
import { IdSchema } from './common'
import { MAX_IMPORT_BYTES } from './crm-operations'
import { ImportRowErrorSchema } from './customers'
import { defineOperation } from './operation'

/** In a dry run, the counts say what the real run would do. */
export const OrderImportReportSchema = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  /** Orders written (with their payments). */
  created: z.number().int(),
  /** Orders whose old order number was imported before: left as they are. */
  skipped: z.number().int(),
  failed: z.number().int(),
  /** Customers the file named by a phone the studio did not know yet. */
  customersCreated: z.number().int(),
  payments: z.number().int(),
  /** Package names the catalogue does not have: their lines are refused until it does. */
  unknownPackages: z.array(z.string()),
  errors: z.array(ImportRowErrorSchema),
  columns: z.record(z.string(), z.string()).describe('file header → order field'),
})
export type OrderImportReport = z.infer<typeof OrderImportReportSchema>

export const importOrders = defineOperation({
  name: 'orders.import',
  scope: 'branch',
  method: 'POST',
  path: '/orders/import',
  summary: 'Import past orders and their payments from an old system’s CSV (UTF-8 or GBK), once per old order number; a dry run reports every bad line and writes nothing',
  tag: 'orders',
  input: z.strictObject({
    fileBase64: z.base64().max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, 'the file is too large for the app; use the import script'),
    dryRun: z.boolean(),
    branchId: IdSchema,
  }),
  output: OrderImportReportSchema,
  access: ['admin'],
})

export const historyImportOperations = [importOrders] as const
