import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { operationIndexSource } from '../../scripts/lib/operation-index'
import { findOperation } from '../../functions/api/serve'
import { matchRoute } from '../../functions/api/routes'
import { operations } from '../../types/operations'

describe('the operation index the API routes by', () => {
  it('is committed as generated (run `npm run docs` after changing an operation)', () => {
    expect(readFileSync(resolve(__dirname, '../../functions/api/operation-index.ts'), 'utf8')).toBe(operationIndexSource())
  })

  it.each(operations.map((op) => [op.name, op] as const))('%s: found by name and by its method and path, as the registry declares it', (name, op) => {
    expect(findOperation(name)).toBe(op)
    const path = op.path.replace(/\{(\w+)\}/g, (_, param: string) => `value-of-${param}`)
    const route = matchRoute(op.method, path)
    expect(route).toEqual({ kind: 'found', op, pathParams: Object.fromEntries([...op.path.matchAll(/\{(\w+)\}/g)].map(([, p]) => [p, `value-of-${p}`])) })
  })

  it('knows no other operation, and answers a path it does not serve or a method it does not take', () => {
    expect(findOperation('orders.explode')).toBeUndefined()
    expect(matchRoute('GET', '/no/such/path')).toEqual({ kind: 'none' })
    expect(matchRoute('DELETE', '/health')).toEqual({ kind: 'wrong-method', allowed: ['GET'] })
  })
})
