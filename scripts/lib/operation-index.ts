import { readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { servedBy, type HttpFunction } from '../../functions/api/functions-served'
import type { Operation } from '../../types/operation'
import { operations } from '../../types/operations'

const typesDir = resolve(__dirname, '../../types')

const isOperation = (value: unknown): value is Operation =>
  typeof value === 'object' && value !== null && 'name' in value && 'method' in value && 'path' in value && 'input' in value && 'output' in value

/**
 * functions/api/operation-index.ts as the declarations make it: every operation's name, method
 * and path in the registry's order, and the module of types/ that declares it, so an entry
 * point can route a request and build only that module's schemas, on first use.
 */
export function operationIndexSource(): string {
  const modules = readdirSync(typesDir)
    .filter((file) => file.endsWith('-operations.ts'))
    .map((file) => file.replace(/\.ts$/, ''))
    .sort()
  const declaredIn = new Map<string, string>()
  for (const module of modules) {
    const exports = require(resolve(typesDir, module)) as Record<string, unknown>
    for (const value of Object.values(exports)) {
      // The first module, in name order, that exports it: loading that module builds the operation's schemas,
      // whether it declares the operation or re-exports it from another (order-operations re-exports payments').
      if (isOperation(value) && !declaredIn.has(value.name)) declaredIn.set(value.name, module)
    }
  }
  const used = new Map<HttpFunction, Set<string>>([['api', new Set()], ['backOffice', new Set()], ['importsExports', new Set()]])
  const entries = operations.map((op) => {
    const module = declaredIn.get(op.name)
    if (!module) throw new Error(`${op.name} is not exported by any types/*-operations.ts module`)
    used.get(servedBy(op.name))!.add(module)
    return `  ['${op.name}', '${op.method}', '${op.path}', '${module}'],`
  })
  const all = modules.filter((m) => [...used.values()].some((set) => set.has(m)))
  const loaders = (name: string, of: string[], what: string) => [
    `/** ${what} */`,
    `export const ${name}: ModuleLoaders = {`,
    ...of.map((m) => `  '${m}': () => require('../../types/${m}') as Record<string, unknown>,`),
    '}',
    '',
  ]
  return [
    '// Made by `npm run docs` from the operation declarations in types/ and functions-served.ts: do not edit.',
    "import type { HttpMethod } from '../../types/operation'",
    "import type { OperationName } from '../../types/operations'",
    '',
    '/** A module of types/ that declares operations. */',
    `export type DeclaringModule = ${all.map((m) => `'${m}'`).join(' | ')}`,
    '',
    '/**',
    ' * Loaders of the modules of types/ whose operations an entry point serves: a module is loaded (its',
    ' * schemas built) the first time one of its operations is asked for. Each HTTP function names only',
    " * its own, so its bundle carries only their schemas (functions-served.ts says which function serves what).",
    ' */',
    'export type ModuleLoaders = Partial<Record<DeclaringModule, () => Record<string, unknown>>>',
    '',
    ...loaders('apiModules', all.filter((m) => used.get('api')!.has(m)), 'The API function’s.'),
    ...loaders('backOfficeModules', all.filter((m) => used.get('backOffice')!.has(m)), 'The back office function’s.'),
    ...loaders('importExportModules', all.filter((m) => used.get('importsExports')!.has(m)), 'The imports’ and exports’ function’s.'),
    ...loaders('allModules', all, 'Every one: for what serves every operation in one process (the CloudBase function, scripts, tests).'),
    '/** Every operation of the registry (types/operations.ts), in its order: name, method, path and declaring module — enough to route a request without building a schema. */',
    'export const operationIndex: readonly (readonly [name: OperationName, method: HttpMethod, path: string, declaredIn: DeclaringModule])[] = [',
    ...entries,
    ']',
    '',
  ].join('\n')
}
