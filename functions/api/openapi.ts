import { z } from 'zod'
import { ErrorBodySchema, ERROR_STATUS } from '../../types/errors'
import { operations } from '../../types/operations'

const pathParams = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)

type JsonSchema = { type?: string; properties?: Record<string, unknown>; required?: string[] } & Record<string, unknown>

/** The OpenAPI 3.1 document, generated from the operation declarations. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const op of operations) {
    const input = z.toJSONSchema(op.input, { io: 'input', unrepresentable: 'any' }) as JsonSchema
    const params = pathParams(op.path)
    const properties = input.properties ?? {}
    const parameters = Object.entries(properties)
      .filter(([name]) => params.includes(name) || op.method === 'GET')
      .map(([name, schema]) => ({
        name,
        in: params.includes(name) ? 'path' : 'query',
        required: params.includes(name) || (input.required ?? []).includes(name),
        schema,
      }))
    const bodyProperties = Object.fromEntries(Object.entries(properties).filter(([name]) => !params.includes(name)))
    const body =
      op.method === 'GET'
        ? undefined
        : {
            required: true,
            content: {
              'application/json': {
                schema: { ...input, properties: bodyProperties, required: (input.required ?? []).filter((r) => !params.includes(r)) },
              },
            },
          }
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
