import { implementations } from '../../functions/api/dispatch'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { operations } from '../../types/operations'

const isOperation = (value: unknown): value is { name: string; path: string } =>
  typeof value === 'object' && value !== null && 'name' in value && 'path' in value && 'access' in value

/** Every module's operations file (types/<module>-operations.ts): a new module is read without being named here. */
const TYPES = join(__dirname, '../../types')
const modules: Record<string, unknown>[] = readdirSync(TYPES)
  .filter((file) => /^[a-z-]+-operations\.ts$/.test(file))
  .map((file) => require(join(TYPES, file)) as Record<string, unknown>)

/** Each operation's name in its module's declarations: `orders.take` is declared as `takeOrder`. */
const declaredAs = new Map(
  modules.flatMap((module) =>
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
