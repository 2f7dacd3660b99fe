/** Regenerates what README.md, types/openapi.json and functions/api/operation-index.ts derive from the operation declarations. */
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { openApiDocument } from '../functions/api/openapi'
import { operationIndexSource } from './lib/operation-index'
import { withPermissionTable } from './lib/permission-table'

const root = resolve(__dirname, '..')
const readme = resolve(root, 'README.md')
writeFileSync(readme, withPermissionTable(readFileSync(readme, 'utf8')))
console.log('Updated the permission table in README.md')
const document = openApiDocument()
writeFileSync(resolve(root, 'types/openapi.json'), JSON.stringify(document, null, 2) + '\n')
console.log(`Wrote ${Object.keys(document.paths).length} paths to types/openapi.json`)
writeFileSync(resolve(root, 'functions/api/operation-index.ts'), operationIndexSource())
console.log('Wrote functions/api/operation-index.ts')
