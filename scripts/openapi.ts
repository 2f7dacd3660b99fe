/** Writes types/openapi.json from the operation declarations. */
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { openApiDocument } from '../functions/api/openapi'

const file = resolve(__dirname, '../types/openapi.json')
const document = openApiDocument()
writeFileSync(file, JSON.stringify(document, null, 2) + '\n')
console.log(`Wrote ${Object.keys(document.paths).length} paths to types/openapi.json`)
