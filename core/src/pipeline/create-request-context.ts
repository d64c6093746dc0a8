import type { RequestContext } from '../plugin/gateway-plugin'

let sequence = 0
const instance = Math.random().toString(36).slice(2, 8)

/** Request ids are unique per process and sortable: `req_<time36><instance><seq36>`. */
export function createRequestId(): string {
  sequence = (sequence + 1) % 1_679_616
  return `req_${Date.now().toString(36)}${instance}${sequence.toString(36).padStart(4, '0')}`
}

export function createRequestContext(request: Request, dialect: string, path: string): RequestContext {
  const id = createRequestId()
  const responseHeaders = new Headers({ 'x-request-id': id })
  return {
    id,
    dialect,
    method: request.method,
    path,
    headers: request.headers,
    startedAt: Date.now(),
    model: '',
    stream: false,
    attempts: 0,
    estimate: { inputTokens: 0 },
    responseHeaders,
    state: {},
    signal: request.signal,
  }
}
