import type { Operation } from '../../types/operation'
import { indexedOperations, isServedHere, operationNamed, type IndexedOperation } from './registry'

interface Route {
  entry: IndexedOperation
  pattern: RegExp
  params: string[]
}

// Fixed paths win over parameters: /customers/export before /customers/{customerId}.
const byFewerParams = (a: Route, b: Route) => a.params.length - b.params.length
// Routed by the index: an operation's schemas are built only when a request reaches it.
const routes: Route[] = indexedOperations.map((entry) => {
  const params: string[] = []
  const source = entry.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    params.push(name)
    return '([^/]+)'
  })
  return { entry, pattern: new RegExp(`^${source}/?$`), params }
}).sort(byFewerParams)

/** A malformed escape stays as typed, and the operation's schema then refuses it. */
function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}

export type RouteMatch =
  | { kind: 'found'; op: Operation; pathParams: Record<string, string> }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'none' }

/** Finds the declared operation for a method and path. */
export function matchRoute(method: string, path: string): RouteMatch {
  const allowed: string[] = []
  for (const route of routes) {
    if (!isServedHere(route.entry)) continue
    const match = route.pattern.exec(path)
    if (!match) continue
    if (route.entry.method !== method) {
      allowed.push(route.entry.method)
      continue
    }
    const pathParams = Object.fromEntries(route.params.map((name, i) => [name, decodePathPart(match[i + 1]!)]))
    return { kind: 'found', op: operationNamed(route.entry.name)!, pathParams }
  }
  return allowed.length ? { kind: 'wrong-method', allowed } : { kind: 'none' }
}
