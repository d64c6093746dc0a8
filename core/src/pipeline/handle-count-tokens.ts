import type { Dialect, RequestTarget } from '../plugin/dialect'
import type { Route } from '../plugin/gateway-plugin'
import type { ConversionContext } from '../plugin/provider-spec'
import { estimateInputTokens } from './estimate-input-tokens'
import { estimatePromptTokens } from './estimate-prompt-tokens'
import { failure, type Admission, type InferenceRuntime } from './handle-inference'
import { ensureCanonical } from './prepare-upstream-request'
import { readRoutingPreferences } from './read-routing-preferences'
import { admitAndRoute, jsonResponse, runOperation } from './run-operation'

/** Response header saying who counted: `provider` (its own tokenizer, exact) or `estimate` (the gateway's). */
export const TOKEN_COUNT_HEADER = 'x-tollgate-token-count'

/** An inbound token-counting surface (Anthropic `count_tokens`, Gemini `:countTokens`). */
export interface CountTokensDialect {
  /** The chat dialect of the same family: reads the counted request and renders errors. */
  chat: Dialect
  readTarget(body: Record<string, unknown>, request: { url: string; params: Record<string, string> }): { model: string }
  /** The chat request inside a count request (Gemini may nest it in `generateContentRequest`). */
  chatBody(body: Record<string, unknown>): Record<string, unknown>
  renderResponse(inputTokens: number): unknown
}

const estimateAnswer = (inputTokens: number) =>
  new Response(JSON.stringify({ input_tokens: inputTokens }), { headers: { 'content-type': 'application/json', [TOKEN_COUNT_HEADER]: 'estimate' } })

/**
 * Count a request's input tokens without generating. The route's provider counts when it can
 * (`countTokens` operation: a same-format client's body goes as sent, others through the
 * canonical form); otherwise the gateway estimates (`estimatePromptTokens`) and says so in the
 * `x-tollgate-token-count` header. Authenticated, admitted and routed like any model call, and
 * finished exactly once; nothing is metered (counting generates no tokens).
 */
export async function handleCountTokens(runtime: InferenceRuntime, dialect: CountTokensDialect, admission: Admission, request: Request, body: Record<string, unknown>, params: Record<string, string> = {}): Promise<Response> {
  const { context, finish } = admission
  try {
    // Gateway-level routing fields (`provider`, `models`) are read and removed, as for chat.
    const routing = readRoutingPreferences(body)
    body = routing.body
    context.preferences = routing.preferences
    const { model } = dialect.readTarget(body, { url: request.url, params })
    const chatBody = dialect.chatBody(body)
    const target: RequestTarget = { model, stream: false, includeUsage: false }
    const canonical = await ensureCanonical(context, dialect.chat, { body: chatBody, headers: request.headers, target }, runtime.hooks)
    await admitAndRoute(runtime, context, model, estimateInputTokens(request))

    const prepare = (route: Route, conversion: ConversionContext) => {
      const operation = route.provider.spec.countTokens
      if (!operation) return estimateAnswer(estimatePromptTokens(canonical))
      const sameFormat = operation.wireFormat === dialect.chat.id && operation.preparePassthroughBody !== undefined && !runtime.hooks.needsCanonical
      const converted = sameFormat ? operation.preparePassthroughBody!(chatBody, conversion) : operation.convertRequest(canonical, conversion)
      if (sameFormat) {
        for (const name of route.provider.spec.passthroughHeaders ?? []) {
          const value = request.headers.get(name)
          if (value !== null) converted.headers = { ...converted.headers, [name]: value }
        }
      }
      return { converted, endpoint: operation.endpoint, convertError: operation.convertError ?? route.provider.spec.convertError }
    }
    const result = await runOperation(runtime, context, request.signal, prepare)
    const estimated = result.headers.get(TOKEN_COUNT_HEADER) === 'estimate'
    const inputTokens = estimated ? (result.body as { input_tokens: number }).input_tokens : result.route.provider.spec.countTokens!.convertResponse(result.body, result.conversion)
    context.responseHeaders.set(TOKEN_COUNT_HEADER, estimated ? 'estimate' : 'provider')
    void finish('ok')
    return jsonResponse(context, dialect.renderResponse(inputTokens))
  } catch (error) {
    return failure(runtime, dialect.chat, context, finish, error)
  }
}
