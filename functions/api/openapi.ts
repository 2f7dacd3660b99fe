import * as z from 'zod'
import { ErrorBodySchema, ERROR_STATUS } from '../../types/errors'
import { operations } from '../../types/operations'

const pathParams = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)

type JsonSchema = { type?: string; properties?: Record<string, unknown>; required?: string[]; anyOf?: unknown[]; oneOf?: unknown[] } & Record<string, unknown>

/** The OpenAPI 3.1 document, generated from the operation declarations. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const op of operations) {
    const input = z.toJSONSchema(op.input, { io: 'input', unrepresentable: 'any' }) as JsonSchema
    const params = pathParams(op.path)
    const variants = [input, ...((input.anyOf ?? input.oneOf ?? []) as JsonSchema[])]
    const properties = input.properties ?? {}
    // A path parameter is declared as one, whether the input is one object or a union of them, and never asked for in the body.
    const pathParameters = params.map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: variants.map((v) => v.properties?.[name]).find(Boolean) ?? { type: 'string' },
    }))
    const queryParameters =
      op.method === 'GET'
        ? Object.entries(properties)
            .filter(([name]) => !params.includes(name))
            .map(([name, schema]) => ({ name, in: 'query', required: (input.required ?? []).includes(name), schema }))
        : []
    const parameters = [...pathParameters, ...queryParameters]
    const withoutPathParams = (schema: JsonSchema): JsonSchema => {
      const { anyOf, oneOf, properties: own, required, ...rest } = schema
      return {
        ...rest,
        ...(own ? { properties: Object.fromEntries(Object.entries(own).filter(([name]) => !params.includes(name))) } : {}),
        ...(required ? { required: required.filter((r) => !params.includes(r)) } : {}),
        ...(anyOf ? { anyOf: (anyOf as JsonSchema[]).map(withoutPathParams) } : {}),
        ...(oneOf ? { oneOf: (oneOf as JsonSchema[]).map(withoutPathParams) } : {}),
      }
    }
    const body =
      op.method === 'GET'
        ? undefined
        : { required: true, content: { 'application/json': { schema: withoutPathParams(input) } } }
    paths[op.path] ??= {}
    paths[op.path]![op.method.toLowerCase()] = {
      operationId: op.name,
      summary: op.summary,
      tags: [op.tag],
      ...(op.access === 'public' ? { security: [] } : { 'x-roles': op.access }),
      ...(parameters.length ? { parameters } : {}),
      ...(body ? { requestBody: body } : {}),
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema: z.toJSONSchema(op.output, { io: 'output', unrepresentable: 'any' }) } } },
        default: { description: 'An error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Studio ERP API',
      version: '1',
      description: `Errors share one shape; codes and their HTTP statuses: ${Object.entries(ERROR_STATUS)
        .map(([code, status]) => `${code} ${status}`)
        .join(', ')}.`,
    },
    components: {
      securitySchemes: { session: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: z.toJSONSchema(ErrorBodySchema) },
    },
    security: [{ session: [] }],
    paths,
  }
}
