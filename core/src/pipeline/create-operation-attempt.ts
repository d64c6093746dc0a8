import { GatewayError, type GatewayErrorInit } from '../errors/gateway-error'
import type { RequestContext, Route, UpstreamCall } from '../plugin/gateway-plugin'
import type { ConversionContext, ConvertedRequest } from '../plugin/provider-spec'
import { callUpstream } from '../upstream/call-upstream'
import { recordServedAttempt } from './served-attempts'

/** What one attempt sends: the converted request and the operation's error mapping. */
export interface OperationRequest {
  converted: ConvertedRequest
  /** Used when `converted.path` is absent. */
  endpoint: string
  convertError(status: number, body: unknown, headers: Headers): GatewayErrorInit
}

/** Header values must be ASCII on one line. */
const headerSafe = (text: string) => text.replace(/[^\x20-\x7e]/g, ' ')

async function mapUpstreamError(response: Response, convertError: OperationRequest['convertError']): Promise<GatewayError> {
  const text = await response.text().catch(() => '')
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {}
  return new GatewayError(convertError(response.status, body, response.headers))
}

/**
 * The upstream call handed to `wrapUpstream` hooks for a non-chat operation (embeddings, token
 * counting). Each attempt asks `prepare` for its route's request — or for a `Response` answered
 * by the gateway itself (a local estimate) — calls the provider and maps failures through the
 * operation's error mapping. Successful responses remember their route (`servedAttemptOf`).
 */
export function createOperationAttempt(options: {
  context: RequestContext
  signal: AbortSignal
  prepare(route: Route, conversion: ConversionContext): OperationRequest | Response
}): UpstreamCall {
  const { context } = options
  return async ({ route = context.route!, signal } = {}) => {
    const conversion: ConversionContext = { modelId: route.upstreamModel, model: route.model }
    const prepared = options.prepare(route, conversion)
    if (prepared instanceof Response) {
      recordServedAttempt(prepared, { route, fastPath: false, conversion })
      return prepared
    }
    const { converted } = prepared
    if (converted.warnings?.length) {
      context.responseHeaders.set('x-tollgate-warnings', headerSafe(converted.warnings.map((warning) => `${warning.param}: ${warning.message}`).join('; ')))
    }
    let body: string
    try {
      body = JSON.stringify(converted.body)
    } catch {
      throw new GatewayError({ status: 400, message: 'The request could not be serialised for the provider' })
    }
    context.attempts++
    const response = await callUpstream({
      provider: route.provider,
      path: converted.path ?? prepared.endpoint,
      body,
      headers: converted.headers,
      signal: signal ? AbortSignal.any([options.signal, signal]) : options.signal,
    })
    if (!response.ok) throw await mapUpstreamError(response, prepared.convertError)
    recordServedAttempt(response, { route, fastPath: false, conversion })
    return response
  }
}
