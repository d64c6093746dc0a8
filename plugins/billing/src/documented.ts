import { ErrorEnvelopeSchema, type TSchema } from '@tollgate/core'

const ERRORS: Record<number, string> = {
  400: 'Invalid request (the `param` field names the offending field)',
  401: 'Missing or invalid API key',
  403: 'The key lacks the scope, or may not do this',
  404: 'Not found (also for records of another account)',
  409: 'Already done (a refund of the same request)',
}

const json = (schema: TSchema) => ({ 'application/json': { schema } })

/** OpenAPI `detail` for a billing route: summary, tag, auth schemes and documented responses. */
export function documented(tag: 'Billing' | 'Admin', summary: string, ok: TSchema, errors: number[] = []) {
  const responses: Record<number, unknown> = { 200: { description: ok.description ?? 'OK', content: json(ok) } }
  for (const status of [401, 403, ...errors]) responses[status] = { description: ERRORS[status], content: json(ErrorEnvelopeSchema) }
  return { summary, tags: [tag], security: [{ bearer: [] }, { apiKey: [] }, { googApiKey: [] }, { queryKey: [] }, { basic: [] }], responses }
}
