import { matchesAny } from '../auth/match-pattern'
import { GatewayError } from '../errors/gateway-error'
import type { Principal } from '../plugin/gateway-plugin'

/** Headers a browser client may send when it does not list them in its preflight. */
const DEFAULT_ALLOWED_HEADERS = 'authorization, content-type, x-api-key, x-goog-api-key, anthropic-version, anthropic-beta, anthropic-dangerous-direct-browser-access'

/**
 * Answer a CORS preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`) on an
 * API path. A preflight carries no key, so it is allowed for any origin and the headers it
 * asks for; the actual request that follows is checked against its key (`checkOrigin`).
 */
export function answerPreflight(request: Request): Response | undefined {
  const origin = request.headers.get('origin')
  if (!origin || !request.headers.has('access-control-request-method')) return undefined
  return new Response(null, {
    status: 204,
    headers: {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
      'access-control-allow-headers': request.headers.get('access-control-request-headers') || DEFAULT_ALLOWED_HEADERS,
      'access-control-max-age': '600',
      vary: 'Origin, Access-Control-Request-Headers',
    },
  })
}

/**
 * The browser-origin rule for an authenticated request. No `Origin` (server-side clients) or
 * the gateway's own origin: nothing to do. Another origin must be in the principal's
 * `allowedOrigins`; then the response headers that let it read the answer are returned, else
 * the request is refused with 403 `origin_not_allowed`.
 */
export function checkOrigin(headers: Headers, principal: Principal): { allowed: boolean; headers: Record<string, string> } {
  const origin = headers.get('origin')
  if (!origin || isSameOrigin(origin, headers.get('host'))) return { allowed: true, headers: {} }
  const corsHeaders = { 'access-control-allow-origin': origin, 'access-control-expose-headers': '*', vary: 'Origin' }
  return { allowed: matchesAny(principal.allowedOrigins ?? [], [origin], '/'), headers: corsHeaders }
}

export function originNotAllowed(headers: Headers): GatewayError {
  return new GatewayError({
    status: 403,
    code: 'origin_not_allowed',
    message: `This API key may not be used from the browser origin ${headers.get('origin')}; add it to the key's allowed_origins`,
  })
}

function isSameOrigin(origin: string, host: string | null): boolean {
  if (!host) return false
  const scheme = origin.indexOf('://')
  return scheme !== -1 && origin.slice(scheme + 3) === host
}
