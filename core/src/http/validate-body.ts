import type { TSchema } from '@sinclair/typebox'
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler'
import { GatewayError } from '../errors/gateway-error'
import { jsonPointerToParam } from './elysia-error-to-gateway-error'

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>()

/**
 * Validate a body against a TypeBox schema where the router cannot (one wildcard route serving
 * several methods, each with its own body). The first problem is a 400 naming the `param`, worded
 * like the router's own validation errors.
 */
export function validateBody(schema: TSchema, body: unknown): void {
  let check = compiled.get(schema)
  if (!check) compiled.set(schema, (check = TypeCompiler.Compile(schema)))
  if (check.Check(body)) return
  const issue = check.Errors(body).First()
  const param = issue ? jsonPointerToParam(issue.path) : ''
  const detail = issue?.message ?? 'Invalid request body'
  throw new GatewayError({ status: 400, param: param || null, code: 'invalid_request', message: param ? `Invalid value for '${param}': ${detail}` : detail })
}
