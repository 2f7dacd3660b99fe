import { implementations } from '../../functions/api/dispatch'
import * as booking from '../../types/booking-operations'
import * as catalog from '../../types/catalog-operations'
import * as crm from '../../types/crm-operations'
import * as feedback from '../../types/feedback-operations'
import * as finance from '../../types/finance-operations'
import * as historyImport from '../../types/history-import-operations'
import * as identity from '../../types/identity-operations'
import * as inventory from '../../types/inventory-operations'
import * as notices from '../../types/notice-operations'
import * as orders from '../../types/order-operations'
import { operations } from '../../types/operations'
import * as payments from '../../types/payment-operations'
import * as production from '../../types/production-operations'
import * as reports from '../../types/reports-operations'
import * as scheduling from '../../types/scheduling-operations'
import * as staff from '../../types/staff-operations'

const isOperation = (value: unknown): value is { name: string; path: string } =>
  typeof value === 'object' && value !== null && 'name' in value && 'path' in value && 'access' in value

/** Each operation's name in its module's declarations: `orders.take` is declared as `takeOrder`. */
const declaredAs = new Map(
  [identity, staff, crm, catalog, scheduling, booking, orders, payments, inventory, production, finance, historyImport, reports, notices, feedback].flatMap((module) =>
    Object.entries(module).flatMap(([exportName, value]) => (isOperation(value) ? [[value.name, exportName] as const] : [])),
  ),
)

describe('operations and their use cases', () => {
  it('declares every operation in one module file', () => {
    expect(operations.map((op) => op.name).filter((name) => !declaredAs.has(name))).toEqual([])
  })

  it('answers each operation with the use case of its declared name (orders.take → takeOrder)', () => {
    const misnamed = operations
      .map((op) => ({ operation: op.name, declared: declaredAs.get(op.name), useCase: implementations[op.name].name }))
      .filter((row) => row.declared !== row.useCase)
    expect(misnamed).toEqual([])
  })
})
