import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { openApiDocument } from '../../functions/api/openapi'
import { operations } from '../../types/operations'
import { permissionTable } from '../../scripts/lib/permission-table'

describe('the OpenAPI document', () => {
  const generated = openApiDocument()

  it('lists every declared operation once', () => {
    const ids = Object.values(generated.paths).flatMap((methods) => Object.values(methods).map((m) => (m as { operationId: string }).operationId))
    expect(ids.sort()).toEqual(operations.map((o) => o.name).sort())
  })

  it('is committed as generated (run `npm run docs` after changing an operation)', () => {
    const committed = JSON.parse(readFileSync(resolve(__dirname, '../../types/openapi.json'), 'utf8'))
    expect(committed).toEqual(JSON.parse(JSON.stringify(generated)))
  })
})

describe('the README', () => {
  it('prints the permission matrix as the declarations define it (run `npm run docs` after changing one)', () => {
    const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8')
    expect(readme).toContain(permissionTable())
  })
})

describe('path parameters', () => {
  const generated = openApiDocument()
  type Op = { operationId: string; parameters?: { name: string; in: string; required: boolean }[]; requestBody?: { content: Record<string, { schema: unknown }> } }
  const all = Object.entries(generated.paths).flatMap(([path, methods]) => Object.values(methods).map((m) => ({ path, op: m as Op })))

  it.each(all.filter((e) => e.path.includes('{')).map((e) => [e.op.operationId, e] as const))('%s declares each path parameter and keeps it out of the body', (_name, { path, op }) => {
    const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
    for (const name of names) {
      expect(op.parameters).toContainEqual(expect.objectContaining({ name, in: 'path', required: true }))
    }
    const body = JSON.stringify(op.requestBody ?? {})
    for (const name of names) expect(body).not.toContain(`"${name}"`)
  })

  it('covers the design decision, whose input is a union', () => {
    expect(all.find((e) => e.op.operationId === 'proofs.decide')!.op.parameters).toEqual([expect.objectContaining({ name: 'orderId', in: 'path' })])
  })
})
