import { Type, type TSchema } from '@sinclair/typebox'
import type { InferenceRoute } from './inference-routes'

/** The error envelope every OpenAI-dialect route answers with. */
export const ErrorEnvelopeSchema = Type.Object(
  {
    error: Type.Object({
      message: Type.String(),
      type: Type.String({ examples: ['invalid_request_error'] }),
      param: Type.Union([Type.String(), Type.Null()]),
      code: Type.Union([Type.String(), Type.Null()]),
    }),
  },
  { $id: 'ErrorEnvelope', description: 'Error envelope (OpenAI dialect)' },
)

const json = (schema: TSchema) => ({ 'application/json': { schema } })

/**
 * OpenAPI `responses` for a route. Given as documentation only (not as Elysia response schemas),
 * so the gateway never re-validates or strips what the upstream sent.
 */
export function documentedResponses(options: { ok: TSchema; okDescription: string; stream?: boolean; errorSchema?: TSchema }) {
  const error = json(options.errorSchema ?? ErrorEnvelopeSchema)
  const ok: Record<string, unknown> = { ...json(options.ok) }
  if (options.stream) ok['text/event-stream'] = { schema: { type: 'string', description: 'Server-sent events when `stream: true`' } }
  return {
    200: { description: options.okDescription, content: ok },
    400: { description: 'Invalid request (the `param` field names the offending field)', content: error },
    401: { description: 'Missing or invalid API key', content: error },
    404: { description: 'Unknown model', content: error },
    413: { description: 'Request body too large', content: error },
    415: { description: 'Content-Type is not application/json', content: error },
    429: { description: 'Rate limited (see Retry-After)', content: error },
    502: { description: 'Upstream provider error', content: error },
  }
}

/** OpenAPI path items for routes whose router pattern is a wildcard (see `InferenceRoute.documentedAs`). */
export function documentWildcardRoutes(routes: InferenceRoute[], security: Array<Record<string, string[]>>) {
  const paths: Record<string, unknown> = {}
  for (const route of routes) {
    for (const documented of route.documentedAs ?? []) {
      paths[documented.path] = {
        post: {
          summary: documented.summary,
          tags: [route.tag],
          security,
          parameters: [
            { name: 'model', in: 'path', required: true, schema: { type: 'string' }, description: 'A model id (`gemini-2.5-flash`) or `provider/model`, percent-encoded' },
            ...(documented.stream ? [{ name: 'alt', in: 'query', required: false, schema: { type: 'string', enum: ['sse'] }, description: '`sse` for server-sent events; absent for a streamed JSON array' }] : []),
          ],
          requestBody: { required: true, content: { 'application/json': { schema: documented.body ?? route.body } } },
          responses: documentedResponses({ ok: documented.response ?? route.response, okDescription: documented.stream ? 'The stream of responses' : 'The response', stream: documented.stream, errorSchema: route.errorSchema }),
        },
      }
    }
  }
  return paths
}
