import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { openApiDocument } from '../../functions/api/openapi'
import { operations } from '../../types/operations'

describe('the OpenAPI document', () => {
  const generated = openApiDocument()

  it('lists every declared operation once', () => {
    const ids = Object.values(generated.paths).flatMap((methods) => Object.values(methods).map((m) => (m as { operationId: string }).operationId))
    expect(ids.sort()).toEqual(operations.map((o) => o.name).sort())
  })

  it('is committed as generated (run `npm run openapi` after changing an operation)', () => {
    const committed = JSON.parse(readFileSync(resolve(__dirname, '../../types/openapi.json'), 'utf8'))
    expect(committed).toEqual(JSON.parse(JSON.stringify(generated)))
  })
})
