import { describe, expect, test } from 'bun:test'
import { answerPreflight, checkOrigin, originNotAllowed } from './cors-policy'

const principal = (allowedOrigins?: string[]) => ({ keyId: 'key_1', scopes: ['inference'], allowedOrigins })

describe('CORS policy', () => {
  test('a preflight is answered for any origin, echoing the requested headers (defaults otherwise)', () => {
    const asked = answerPreflight(new Request('http://gateway.test/v1/messages', { method: 'OPTIONS', headers: { origin: 'https://a.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-api-key, anthropic-version' } }))
    expect(asked?.status).toBe(204)
    expect(Object.fromEntries(asked!.headers)).toMatchObject({ 'access-control-allow-origin': 'https://a.example', 'access-control-allow-headers': 'x-api-key, anthropic-version', 'access-control-max-age': '600' })
    const bare = answerPreflight(new Request('http://gateway.test/v1/messages', { method: 'OPTIONS', headers: { origin: 'https://a.example', 'access-control-request-method': 'POST' } }))
    expect(bare!.headers.get('access-control-allow-headers')).toContain('authorization')
    expect(bare!.headers.get('access-control-allow-headers')).toContain('x-goog-api-key')
  })

  test('an OPTIONS that is not a preflight is not answered here', () => {
    expect(answerPreflight(new Request('http://gateway.test/v1/messages', { method: 'OPTIONS' }))).toBeUndefined()
    expect(answerPreflight(new Request('http://gateway.test/v1/messages', { method: 'OPTIONS', headers: { origin: 'https://a.example' } }))).toBeUndefined()
  })

  test('no Origin, or the gateway’s own origin: allowed, no CORS headers', () => {
    expect(checkOrigin(new Headers(), principal())).toEqual({ allowed: true, headers: {} })
    expect(checkOrigin(new Headers({ origin: 'https://gateway.example:8443', host: 'gateway.example:8443' }), principal())).toEqual({ allowed: true, headers: {} })
  })

  test('another origin: allowed only when listed (exact or pattern), with the headers that let it read the answer', () => {
    const listed = checkOrigin(new Headers({ origin: 'https://app.example', host: 'gateway.example' }), principal(['https://app.example']))
    expect(listed).toEqual({ allowed: true, headers: { 'access-control-allow-origin': 'https://app.example', 'access-control-expose-headers': '*', vary: 'Origin' } })
    expect(checkOrigin(new Headers({ origin: 'https://pr-1.preview.example' }), principal(['https://*.preview.example'])).allowed).toBe(true)
    expect(checkOrigin(new Headers({ origin: 'https://evil.example' }), principal(['https://app.example'])).allowed).toBe(false)
    expect(checkOrigin(new Headers({ origin: 'https://app.example' }), principal()).allowed).toBe(false)
    expect(originNotAllowed(new Headers({ origin: 'https://evil.example' }))).toMatchObject({ status: 403, type: 'permission_error', code: 'origin_not_allowed' })
  })
})
