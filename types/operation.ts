import type { z } from 'zod'
import type { Role } from './roles'

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

/**
 * One API operation, declared once. The HTTP handler, the CloudBase entry, the app's
 * client and the OpenAPI document are all driven by these declarations.
 * `access: 'public'` needs no session; otherwise the caller must hold one of the roles.
 */
export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  name: string
  method: HttpMethod
  path: string
  summary: string
  tag: string
  input: I
  output: O
  access: 'public' | readonly Role[]
  /**
   * `branch`: the operation touches a branch's data (its orders, payments, bookings, queue,
   * schedule). Staff bound to a branch (everyone but admins) act within their own branch:
   * an input `branchId` of another branch is refused by the dispatcher, records of another
   * branch are not found, and lists hold only their branch. Absent: studio-wide data
   * (customers, the catalog, settings) or the caller's own records.
   */
  scope?: 'branch'
}

export function defineOperation<const N extends string, I extends z.ZodType, O extends z.ZodType>(
  op: Operation<I, O> & { name: N },
): Operation<I, O> & { name: N } {
  return op
}

export type InputOf<T> = T extends Operation<infer I, z.ZodType> ? z.input<I> : never
export type OutputOf<T> = T extends Operation<z.ZodType, infer O> ? z.output<O> : never
