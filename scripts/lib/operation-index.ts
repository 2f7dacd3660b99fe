import { readdirSync } from 'node:fs'
import { resolve } from 'node:path'
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
  const used = new Set<string>()
  const entries = operations.map((op) => {
    const module = declaredIn.get(op.name)
    if (!module) throw new Error(`${op.name} is not exported by any types/*-operations.ts module`)
    used.add(module)
    return `  ['${op.name}', '${op.method}', '${op.path}', '${module}'],`
  })
  const loaders = modules.filter((m) => used.has(m)).map((m) => `  '${m}': () => require('../../types/${m}') as Record<string, unknown>,`)
  return [
    '// Made by `npm run docs` from the operation declarations in types/: do not edit.',
    "import type { HttpMethod } from '../../types/operation'",
    "import type { OperationName } from '../../types/operations'",
    '',
    '/** The module of types/ that declares each operation, loaded (its schemas built) the first time one of its operations is asked for. */',
    'export const declaringModules = {',
    ...loaders,
    '}',
    '',
    '/** Every operation of the registry (types/operations.ts), in its order: name, method, path and declaring module — enough to route a request without building a schema. */',
    'export const operationIndex: readonly (readonly [name: OperationName, method: HttpMethod, path: string, declaredIn: keyof typeof declaringModules])[] = [',
    ...entries,
    ']',
    '',
  ].join('\n')
}
