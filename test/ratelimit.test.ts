import SwaggerParser from '@apidevtools/swagger-parser'
import { afterAll, describe, expect, test } from 'bun:test'
import { definePlugin, GatewayError, type GatewayPlugin } from '@tollgate/core'
import { formatDuration, rateLimits, type RateLimitOptions, type RateLimitRecord } from '@tollgate/ratelimit'
import { manualClock } from '../plugins/ratelimit/test-support/rate-limit-store-contract'
import { BASE_URL, MASTER_KEY, createKeysGateway } from './helpers/create-keys-gateway'
import { externalService } from './helpers/external-services'
import { dropTestDatabases, testDatabases } from './helpers/test-databases'

const [sqlite] = await testDatabases()
const redisURL = await externalService('REDIS_URL')
afterAll(dropTestDatabases)
/** Every test runs on each store: this process's memory, and Redis (atomic scripts) when REDIS_URL is reachable. */
const stores = [{ kind: 'memory' as const, redisURL: undefined }, ...(redisURL ? [{ kind: 'redis' as const, redisURL }] : [])]

const chatBody = (content = 'hello', model = 'mock/echo', extra: Record<string, unknown> = {}) => ({ model, messages: [{ role: 'user', content }], ...extra })
/** The admission estimate core makes: about four characters of JSON per token. */
const estimateOf = (body: unknown) => Math.ceil(JSON.stringify(body).length / 4)

type Store = (typeof stores)[number]

/** A keys gateway with the rate-limit plugin on a manual clock; `extra` plugins come after it (billing's place). */
async function limitedGatewayOn(store: Store, options: RateLimitOptions = {}, extra: GatewayPlugin[] = []) {
  const time = manualClock()
  const config = { redisURL: store.redisURL, plugins: [rateLimits({ clock: time.clock, store: store.kind, ...options }), ...extra] }
  const gateway = await createKeysGateway(sqlite, { config })
  const send = (key: string, path: string, body: unknown, init: { signal?: AbortSignal; query?: string } = {}) =>
    gateway.app.handle(
      new Request(`${BASE_URL}${path}${init.query ?? ''}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: init.signal,
      }),
    )
  const chat = (key: string, body: unknown = chatBody()) => send(key, '/v1/chat/completions', body)
  const keyFor = async (account: Record<string, unknown> = {}, key: Record<string, unknown> = {}) => {
    const created = await gateway.createAccount({ name: 'Acme', ...account })
    return { accountId: created.id, ...(await gateway.createKey(created.id, key)) }
  }
  return { ...gateway, time, send, chat, keyFor }
}

const limitHeaders = (response: Response) => Object.fromEntries([...response.headers].filter(([name]) => name.includes('ratelimit')))

for (const store of stores) {
  const limitedGateway = (options: RateLimitOptions = {}, extra: GatewayPlugin[] = []) => limitedGatewayOn(store, options, extra)

  describe(`${store.kind}: requests per minute`, () => {
    test('a key limit: exact boundary, OpenAI and generic headers, 429 with Retry-After, refill after 60 s / limit', async () => {
      const gateway = await limitedGateway()
      const { key } = await gateway.keyFor({}, { rpm: 2 })
      const first = await gateway.chat(key)
      expect(first.status).toBe(200)
      const reset = Math.ceil((gateway.time.clock.now() + 30_000) / 1000)
      expect(limitHeaders(first)).toEqual({
        'x-ratelimit-limit-requests': '2',
        'x-ratelimit-remaining-requests': '1',
        'x-ratelimit-reset-requests': '30s',
        'x-ratelimit-limit': '2',
        'x-ratelimit-remaining': '1',
        'x-ratelimit-reset': String(reset),
      })
      const second = await gateway.chat(key)
      expect(second.headers.get('x-ratelimit-remaining-requests')).toBe('0')
      expect(second.headers.get('x-ratelimit-reset-requests')).toBe('1m0s')

      const refused = await gateway.chat(key)
      expect(refused.status).toBe(429)
      expect(refused.headers.get('retry-after')).toBe('30')
      expect(refused.headers.get('x-ratelimit-remaining-requests')).toBe('0')
      const body = await refused.json()
      expect(body.error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limit_exceeded' })
      expect(body.error.message).toContain('requests per minute for this key (limit 2)')
      expect(body.error.message).toContain('Try again in 30s')

      gateway.time.advance(29_999)
      expect((await gateway.chat(key)).status).toBe(429)
      gateway.time.advance(1)
      expect((await gateway.chat(key)).status).toBe(200)
      await gateway.stop()
    })

    test("a plan's default is shared by the account's keys; a key's own field limits that key alone; PATCH changes the account", async () => {
      const gateway = await limitedGateway({ plans: { free: { rpm: 3 } } })
      const { key: first, accountId } = await gateway.keyFor({ plan: 'free' })
      const { key: second } = await gateway.createKey(accountId, { rpm: 1 })
      expect((await gateway.chat(first)).status).toBe(200)
      expect((await gateway.chat(second)).status).toBe(200)
      const keyRefused = await gateway.chat(second)
      expect(keyRefused.status).toBe(429)
      expect((await keyRefused.json()).error.message).toContain('for this key (limit 1)')
      expect((await gateway.chat(first)).status).toBe(200)
      const accountRefused = await gateway.chat(first)
      expect(accountRefused.status).toBe(429)
      expect((await accountRefused.json()).error.message).toContain('for this account (limit 3)')

      expect((await gateway.admin('PATCH', `/admin/accounts/${accountId}`, { rpm: 6 })).status).toBe(200)
      const raised = await gateway.chat(first)
      expect(raised.status).toBe(200)
      expect(limitHeaders(raised)['x-ratelimit-limit-requests']).toBe('6')
      expect(raised.headers.get('x-ratelimit-remaining-requests')).toBe('2')
      await gateway.stop()
    })

    test("a plan not configured uses `default`; per-model limits count per key and model pattern", async () => {
      const gateway = await limitedGateway({ plans: { default: { perModel: { 'mock/echo': { rpm: 1 } } } } })
      const { key } = await gateway.keyFor({ plan: 'enterprise' })
      expect((await gateway.chat(key)).status).toBe(200)
      const refused = await gateway.chat(key)
      expect(refused.status).toBe(429)
      expect((await refused.json()).error.message).toContain("for this key and model 'mock/echo' (limit 1)")
      expect((await gateway.chat(key, chatBody('hi', 'mock/reasoning'))).status).toBe(200)
      const { key: other } = await gateway.keyFor({ plan: 'enterprise' })
      expect((await gateway.chat(other)).status).toBe(200)
      await gateway.stop()
    })

    test('the master key and keys without limits get no limit headers', async () => {
      const gateway = await limitedGateway({ plans: { free: { rpm: 1 } } })
      const { key } = await gateway.keyFor({ plan: 'default' })
      for (const credential of [MASTER_KEY, key, key]) {
        const response = await gateway.chat(credential)
        expect(response.status).toBe(200)
        expect(limitHeaders(response)).toEqual({})
      }
      await gateway.stop()
    })
  })

  describe(`${store.kind}: tokens per minute`, () => {
    test('the input estimate is reserved at admission and settled with the actual usage at the end', async () => {
      const gateway = await limitedGateway()
      const { key } = await gateway.keyFor({}, { tpm: 1000 })
      const body = chatBody('count my tokens please')
      const first = await gateway.chat(key, body)
      expect(first.status).toBe(200)
      expect(first.headers.get('x-ratelimit-limit-tokens')).toBe('1000')
      expect(first.headers.get('x-ratelimit-remaining-tokens')).toBe(String(1000 - estimateOf(body)))
      const [{ info }] = await gateway.waitForFinishes(1)
      const used = info.usage!.input.total + info.usage!.output.total
      expect(used).toBeLessThan(estimateOf(body))

      // The second request sees the first one's actual usage, not its estimate.
      const second = await gateway.chat(key, body)
      expect(second.headers.get('x-ratelimit-remaining-tokens')).toBe(String(1000 - used - estimateOf(body)))
      // Full again once the used tokens have drained at 1000 per minute: 60 ms per token.
      expect(second.headers.get('x-ratelimit-reset-tokens')).toBe(formatDuration((used + estimateOf(body)) * 60))
      await gateway.stop()
    })

    test('a request whose estimate does not fit waits exactly until it does', async () => {
      const gateway = await limitedGateway()
      const { key } = await gateway.keyFor({}, { tpm: 100 })
      const big = chatBody('x'.repeat(200))
      expect((await gateway.chat(key, big)).status).toBe(200)
      const [{ info }] = await gateway.waitForFinishes(1)
      const used = info.usage!.input.total + info.usage!.output.total
      const cost = Math.min(estimateOf(big), 100)
      expect(used + cost).toBeGreaterThan(100)

      const refused = await gateway.chat(key, big)
      expect(refused.status).toBe(429)
      expect((await refused.json()).error.message).toContain('tokens per minute for this key (limit 100)')
      // What is used drains at 100 tokens per minute (600 ms per token) until the estimate fits.
      const wait = (used + cost - 100) * 600
      expect(refused.headers.get('retry-after')).toBe(String(Math.ceil(wait / 1000)))
      gateway.time.advance(wait - 1)
      expect((await gateway.chat(key, big)).status).toBe(429)
      gateway.time.advance(1)
      expect((await gateway.chat(key, big)).status).toBe(200)
      await gateway.stop()
    })
  })

  describe(`${store.kind}: concurrent requests`, () => {
    test('a slot is held until the stream really ends and released on client abort', async () => {
      const gateway = await limitedGateway()
      const { key } = await gateway.keyFor({}, { max_concurrency: 1 })
      const abort = new AbortController()
      const streaming = await gateway.send(key, '/v1/chat/completions', chatBody('[[delay:30]] a long answer to abort', 'mock/echo', { stream: true }), { signal: abort.signal })
      expect(streaming.status).toBe(200)
      const reader = streaming.body!.getReader()
      await reader.read()

      const refused = await gateway.chat(key)
      expect(refused.status).toBe(429)
      expect(refused.headers.get('retry-after')).toBe('1')
      expect((await refused.json()).error.message).toContain('concurrent requests for this key (limit 1)')

      abort.abort()
      await reader.cancel()
      const finishes = await gateway.waitForFinishes(2)
      expect(finishes.map(({ info }) => info.outcome).sort()).toEqual(['cancelled', 'error'])
      expect((await gateway.chat(key)).status).toBe(200)
      await gateway.stop()
    })

    test('a JSON request releases its slot when it ends; an upstream error too', async () => {
      const gateway = await limitedGateway({ plans: { default: { rpm: 10, maxConcurrency: 1 } } })
      const { key } = await gateway.keyFor()
      const failed = await gateway.chat(key, chatBody('[[error:500]]'))
      expect(failed.status).toBeGreaterThanOrEqual(500)
      // The limit headers ride on error responses too.
      expect(failed.headers.get('x-ratelimit-remaining-requests')).toBe('9')
      expect((await gateway.chat(key)).status).toBe(200)
      expect((await gateway.chat(key)).status).toBe(200)
      await gateway.stop()
    })
  })

  describe(`${store.kind}: admission order and what later plugins see`, () => {
    test('a refused request never reaches the plugins after it (billing reserves nothing); one they refuse gives its slot back', async () => {
      const admitted: string[] = []
      let refuseNext = false
      const billing = definePlugin({
        name: 'billing-probe',
        hooks: {
          admit(context) {
            admitted.push(context.id)
            if (refuseNext) throw new GatewayError({ status: 402, code: 'insufficient_balance', message: 'Insufficient balance' })
          },
        },
      })
      const gateway = await limitedGateway({}, [billing])
      const { key } = await gateway.keyFor({}, { rpm: 1, max_concurrency: 1 })
      refuseNext = true
      expect((await gateway.chat(key)).status).toBe(402)
      refuseNext = false
      expect(admitted).toHaveLength(1)
      const refused = await gateway.chat(key)
      expect(refused.status).toBe(429)
      expect(admitted).toHaveLength(1)
      // The concurrency slot of the request billing refused was released: only the minute is in the way.
      gateway.time.advance(60_000)
      expect((await gateway.chat(key)).status).toBe(200)
      const finishes = await gateway.waitForFinishes(3)
      const record = finishes[2].context.state.ratelimit as RateLimitRecord
      expect(record.store).toBe(store.kind)
      expect(record.limits.map(({ scope, dimension, limit, remaining, source }) => ({ scope, dimension, limit, remaining, source }))).toEqual([
        { scope: 'key', dimension: 'requests', limit: 1, remaining: 0, source: 'key' },
        { scope: 'key', dimension: 'concurrency', limit: 1, remaining: 0, source: 'key' },
      ])
      await gateway.stop()
    })
  })

  describe(`${store.kind}: headers in every dialect`, () => {
    const plans = { default: { rpm: 5, tpm: 10_000 } }
    const expectOpenAIStyle = (response: Response) => {
      expect(response.headers.get('x-ratelimit-limit-requests')).toBe('5')
      expect(response.headers.get('x-ratelimit-remaining-requests')).toBe('4')
      expect(response.headers.get('x-ratelimit-reset-requests')).toBe('12s')
      expect(response.headers.get('x-ratelimit-limit-tokens')).toBe('10000')
      expect(Number(response.headers.get('x-ratelimit-remaining-tokens'))).toBeLessThan(10_000)
      expect(response.headers.get('x-ratelimit-reset-tokens')).toMatch(/^\d+(\.\d+)?m?s$/)
      expect(response.headers.get('X-RateLimit-Limit')).toBe('5')
      expect(response.headers.get('X-RateLimit-Remaining')).toBe('4')
    }

    test('OpenAI Chat, Responses and Gemini: OpenAI-style and generic headers, no Anthropic ones', async () => {
      for (const [path, body, query] of [
        ['/v1/chat/completions', chatBody()],
        ['/v1/responses', { model: 'mock/echo', input: 'hello' }],
        ['/v1beta/models/mock%2Fecho:generateContent', { contents: [{ role: 'user', parts: [{ text: 'hello' }] }] }],
        ['/v1beta/models/mock%2Fecho:streamGenerateContent', { contents: [{ role: 'user', parts: [{ text: 'hello' }] }] }, '?alt=sse'],
      ] as const) {
        const gateway = await limitedGateway({ plans })
        const { key } = await gateway.keyFor()
        const response = await gateway.send(key, path, body, { query })
        expect({ path, status: response.status }).toEqual({ path, status: 200 })
        expectOpenAIStyle(response)
        expect(Object.keys(limitHeaders(response)).filter((name) => name.startsWith('anthropic'))).toEqual([])
        await response.text()
        await gateway.stop()
      }
    })

    test('Anthropic Messages: also anthropic-ratelimit-* with RFC 3339 resets; its 429 in Anthropic shape', async () => {
      const gateway = await limitedGateway({ plans: { default: { rpm: 1, tpm: 10_000 } } })
      const { key } = await gateway.keyFor()
      const body = { model: 'mock/echo', max_tokens: 100, messages: [{ role: 'user', content: 'hello' }] }
      const response = await gateway.send(key, '/v1/messages', body)
      expect(response.status).toBe(200)
      const now = gateway.time.clock.now()
      const rfc3339 = (milliseconds: number) => new Date(Math.ceil(milliseconds / 1000) * 1000).toISOString().replace('.000Z', 'Z')
      expect(response.headers.get('anthropic-ratelimit-requests-limit')).toBe('1')
      expect(response.headers.get('anthropic-ratelimit-requests-remaining')).toBe('0')
      expect(response.headers.get('anthropic-ratelimit-requests-reset')).toBe(rfc3339(now + 60_000))
      expect(response.headers.get('anthropic-ratelimit-tokens-limit')).toBe('10000')
      expect(response.headers.get('anthropic-ratelimit-tokens-remaining')).toBe(String(10_000 - estimateOf(body)))
      expect(response.headers.get('anthropic-ratelimit-tokens-reset')).toBe(rfc3339(now + estimateOf(body) * 6))
      expect(response.headers.get('x-ratelimit-limit-requests')).toBe('1')

      const refused = await gateway.send(key, '/v1/messages', body)
      expect(refused.status).toBe(429)
      expect(refused.headers.get('retry-after')).toBe('60')
      expect(refused.headers.get('anthropic-ratelimit-requests-remaining')).toBe('0')
      expect(await refused.json()).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } })
      await gateway.stop()
    })

    test('Gemini: the 429 carries RetryInfo and Retry-After', async () => {
      const gateway = await limitedGateway({ plans: { default: { rpm: 1 } } })
      const { key } = await gateway.keyFor()
      const body = { contents: [{ role: 'user', parts: [{ text: 'hello' }] }] }
      expect((await gateway.send(key, '/v1beta/models/mock%2Fecho:generateContent', body)).status).toBe(200)
      const refused = await gateway.send(key, '/v1beta/models/mock%2Fecho:generateContent', body)
      expect(refused.status).toBe(429)
      expect(refused.headers.get('retry-after')).toBe('60')
      const error = (await refused.json()).error
      expect(error.status).toBe('RESOURCE_EXHAUSTED')
      expect(error.details).toContainEqual({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '60s' })
      await gateway.stop()
    })
  })

  describe(`${store.kind}: GET /admin/rate-limits`, () => {
    test("a key's effective limits with the live counters of the store that enforces them", async () => {
      const gateway = await limitedGateway({ plans: { default: { rpm: 10, tpm: 5000, perModel: { 'mock/*': { maxConcurrency: 2 } } } } })
      const { key, id, accountId } = await gateway.keyFor({}, { rpm: 5 })
      await gateway.chat(key)
      await gateway.chat(key)
      await gateway.waitForFinishes(2)
      const shown = await gateway.admin('GET', `/admin/rate-limits?key_id=${id}`)
      expect(shown.status).toBe(200)
      expect(shown.body).toMatchObject({ object: 'rate_limits', key_id: id, account_id: accountId, plan: 'default', plan_applied: 'default', counters: store.kind })
      expect(shown.body.limits.map(({ scope, dimension, pattern, limit, source, remaining }: Record<string, unknown>) => [scope, dimension, pattern, limit, source, remaining])).toEqual([
        ['key', 'requests', null, 5, 'key', 3],
        ['account', 'requests', null, 10, 'plan default', 8],
        ['account', 'tokens', null, 5000, 'plan default', 5000 - gateway.finishes.reduce((sum, { info }) => sum + info.usage!.input.total + info.usage!.output.total, 0)],
        ['model', 'concurrency', 'mock/*', 2, 'plan default', 2],
      ])
      const account = await gateway.admin('GET', `/admin/rate-limits?account_id=${accountId}`)
      expect(account.body.limits.map(({ scope }: { scope: string }) => scope)).toEqual(['account', 'account'])
      expect((await gateway.admin('GET', '/admin/rate-limits')).body.error).toMatchObject({ param: 'key_id', message: 'Give either key_id or account_id' })
      expect((await gateway.admin('GET', '/admin/rate-limits?key_id=key_nope')).status).toBe(404)
      expect((await gateway.call(key, 'GET', `/admin/rate-limits?key_id=${id}`)).status).toBe(403)
      await gateway.stop()
    })
  })

  describe(`${store.kind}: configuration`, () => {
    test('the admin route is in the OpenAPI document, which validates', async () => {
      const gateway = await limitedGateway()
      const document = await (await gateway.app.handle(new Request(`${BASE_URL}/openapi/json`))).json()
      await SwaggerParser.validate(structuredClone(document))
      const route = document.paths['/admin/rate-limits'].get
      expect(route.tags).toEqual(['Admin'])
      expect(route.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(['key_id', 'account_id'])
      expect(Object.keys(route.responses)).toEqual(['200', '400', '401', '403', '404'])
      await gateway.stop()
    })

    test('plans from TOLLGATE_RATE_LIMITS (JSON) override the config; bad plans stop the start with the place named', async () => {
      const time = manualClock()
      const gateway = await createKeysGateway(sqlite, {
        config: { redisURL: store.redisURL, env: { TOLLGATE_RATE_LIMITS: '{"free": {"rpm": 1}}' }, plugins: [rateLimits({ clock: time.clock, store: store.kind, plans: { free: { rpm: 50 } } })] },
      })
      const account = await gateway.createAccount({ name: 'Env', plan: 'free' })
      const { key } = await gateway.createKey(account.id)
      expect((await gateway.chat(key)).headers.get('x-ratelimit-limit-requests')).toBe('1')
      await gateway.stop()
      expect(() => rateLimits({ plans: { free: { rpm: 0 } } })).toThrow('Invalid rate-limit configuration (rateLimits({ plans })): /free/rpm')
      expect(() => rateLimits({ plans: { free: { rmp: 5 } as never } })).toThrow('/free/rmp')
    })
  })
}
