import type { Operation } from '../../types/operation'
import type { HttpMethod } from '../../types/operation'
import { operationIndex, type DeclaringModule, type ModuleLoaders } from './operation-index'

/** An operation as the index knows it: enough to route a request to it. */
export interface IndexedOperation {
  name: string
  method: HttpMethod
  path: string
  declaredIn: DeclaringModule
}

/** Every declared operation, in the registry's order, without its schemas. */
export const indexedOperations: readonly IndexedOperation[] = operationIndex.map(([name, method, path, declaredIn]) => ({ name, method, path, declaredIn }))

const indexed = new Map<string, IndexedOperation>(indexedOperations.map((entry) => [entry.name, entry]))
const loaded = new Map<string, Operation>()
const loaders: ModuleLoaders = {}

/**
 * Names the modules of types/ whose operations this process serves (operation-index.ts): each
 * entry point passes its own, so that its bundle carries only those schemas.
 */
export function serveOperationsOf(modules: ModuleLoaders) {
  Object.assign(loaders, modules)
}

/** Whether this process can answer the operation: its declaring module is one it serves. */
export const isServedHere = (entry: IndexedOperation) => loaders[entry.declaredIn] !== undefined

/**
 * The declared operation of that name, or undefined (unknown, or not served by this process). Its
 * module of types/ is loaded the first time one of its operations is asked for: building every
 * operation's schemas at once took most of a function's cold start, and a request needs only its own.
 */
export function operationNamed(name: string): Operation | undefined {
  const known = loaded.get(name)
  if (known) return known
  const entry = indexed.get(name)
  const load = entry && loaders[entry.declaredIn]
  if (!entry || !load) return undefined
  for (const value of Object.values(load())) {
    const op = value as Partial<Operation> | null
    if (typeof op === 'object' && op !== null && typeof op.name === 'string' && op.input && op.output) loaded.set(op.name, op as Operation)
  }
  const op = loaded.get(name)
  if (!op) throw new Error(`${name} is not declared in types/${entry.declaredIn}.ts: run \`npm run docs\``)
  return op
}
