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
}

export function defineOperation<const N extends string, I extends z.ZodType, O extends z.ZodType>(
  op: Operation<I, O> & { name: N },
): Operation<I, O> & { name: N } {
  return op
}

export type InputOf<T> = T extends Operation<infer I, z.ZodType> ? z.input<I> : never
export type OutputOf<T> = T extends Operation<z.ZodType, infer O> ? z.output<O> : never
