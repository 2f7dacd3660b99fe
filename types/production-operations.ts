import * as z from 'zod'
import { IdSchema } from './common'
import { MaterialsSchema } from './inventory'
import { defineOperation } from './operation'
import { OrderSchema } from './orders'

/**
 * 制作: where an order meets the stock room. Entering it (the design approved, `proofs.decide`)
 * takes the order's materials from stock in the same transaction; a redo takes only what it names.
 */
export const redoProduction = defineOperation({
  name: 'production.redo',
  scope: 'branch',
  method: 'POST',
  path: '/orders/{orderId}/redo',
  summary: 'Send a finished order back to 制作 (a redo), taking from stock only the materials named',
  tag: 'orders',
  input: z.strictObject({
    orderId: IdSchema,
    from: z.literal('ready'),
    materials: MaterialsSchema,
    note: z.string().trim().min(1).max(500),
  }),
  output: OrderSchema,
  access: ['reception', 'manager', 'admin'],
})

export const productionOperations = [redoProduction] as const
