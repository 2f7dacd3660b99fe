import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { operationIndexSource } from '../../scripts/lib/operation-index'
import { findOperation } from '../../functions/api/dispatch'
import { servedBy } from '../../functions/api/functions-served'
import { apiModules, backOfficeModules, importExportModules, operationIndex } from '../../functions/api/operation-index'
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

describe('each HTTP function’s own modules of types/', () => {
  const modulesOf = { api: apiModules, backOffice: backOfficeModules, importsExports: importExportModules }

  it.each(Object.entries(modulesOf))('%s: loads the declaring module of every operation it serves, and no other', (fn, modules) => {
    const needed = new Set(operationIndex.filter(([name]) => servedBy(name) === fn).map(([, , , module]) => module))
    expect(new Set(Object.keys(modules))).toEqual(needed)
  })

  it('leaves the back office’s schemas out of the API function', () => {
    expect(Object.keys(apiModules)).not.toContain('reports-operations')
    expect(Object.keys(apiModules)).not.toContain('inventory-operations')
    expect(Object.keys(apiModules)).not.toContain('finance-operations')
  })
})
