import { GatewayError } from '../errors/gateway-error'
import type { Provider } from '../plugin/provider-spec'

export interface UpstreamRequest {
  provider: Provider
  path: string
  body: string
  headers?: Record<string, string>
  signal: AbortSignal
}

function authHeaders(provider: Provider): Record<string, string> {
  const auth = provider.spec.auth
  if (!provider.apiKey || auth.type === 'none' || auth.type === 'query') return {}
  if (auth.type === 'bearer') return { authorization: `Bearer ${provider.apiKey}` }
  return { [auth.name]: provider.apiKey }
}

function upstreamURL(provider: Provider, path: string): string {
  const url = provider.baseURL + path
  const auth = provider.spec.auth
  if (auth.type !== 'query' || !provider.apiKey) return url
  return `${url}${url.includes('?') ? '&' : '?'}${auth.name}=${encodeURIComponent(provider.apiKey)}`
}

/** POST a JSON body to the provider. Network failures become a 502 that names no secret. */
export async function callUpstream(request: UpstreamRequest): Promise<Response> {
  const { provider } = request
  const fetcher = provider.fetch ?? fetch
  try {
    return await fetcher(upstreamURL(provider, request.path), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...provider.headers, ...request.headers, ...authHeaders(provider) },
      body: request.body,
      signal: request.signal,
    })
  } catch (error) {
    if (request.signal.aborted) throw error
    throw new GatewayError({
      status: 502,
      type: 'upstream_error',
      code: 'upstream_connection_error',
      message: `Could not reach provider '${provider.id}'`,
    })
  }
}

/** Turn a non-2xx upstream answer into a GatewayError through the provider's own error mapping. */
export async function upstreamError(provider: Provider, response: Response): Promise<GatewayError> {
  const text = await response.text().catch(() => '')
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {}
  return new GatewayError(provider.spec.convertError(response.status, body, response.headers))
}
