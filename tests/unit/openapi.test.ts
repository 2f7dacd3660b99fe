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
