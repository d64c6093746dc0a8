import SwaggerParser from '@apidevtools/swagger-parser'
import { definePlugin, type Usage } from '@tollgate/core'
import { routing, type Clock, type RoutingOptions, type RoutingRecord } from '@tollgate/routing'
import { describe, expect, test } from 'bun:test'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import OpenAI from 'openai'
import { BASE_URL, MASTER_KEY, createTestGateway, readFixture, readJsonFixture } from './helpers/create-test-gateway'

/** Time that only moves when the test says so; backoff sleeps return at once (and are recorded). */
function manualClock() {
  let now = 1_000_000
  const sleeps: number[] = []
  const clock: Clock = { now: () => now, sleep: async (milliseconds) => void sleeps.push(milliseconds) }
  return { clock, sleeps, advance: (milliseconds: number) => (now += milliseconds) }
}

const smart: RoutingOptions['routes'] = {
  smart: {
    deployments: [
      { provider: 'openai', model: 'gpt-4o', baseURL: 'https://east.openai.test/v1', apiKey: 'sk-east-secret' },
      { provider: 'openai', model: 'gpt-4o', baseURL: 'https://west.openai.test/v1', apiKey: 'sk-west-secret' },
      { provider: 'anthropic', model: 'claude-haiku-4-5' },
    ],
  },
}

/** A test gateway with the routing plugin (manual clock) and a meter that records every onUsage call. */
function routedGateway(options: RoutingOptions = {}, env: Record<string, string> = {}) {
  const time = manualClock()
  const usages: Array<{ usage: Usage; routing: RoutingRecord }> = []
  const meter = definePlugin({ name: 'meter', hooks: { onUsage: (context, usage) => void usages.push({ usage, routing: context.state.routing as RoutingRecord }) } })
  const gateway = createTestGateway({ plugins: [routing({ routes: smart, clock: time.clock, random: () => 0, ...options }), meter], env })
  return { ...gateway, time, usages }
}

const chat = (model: string, extra: Record<string, unknown> = {}) => ({ model, messages: [{ role: 'user', content: 'hello routes' }], ...extra })
const sdk = (gateway: ReturnType<typeof createTestGateway>) => new OpenAI({ apiKey: MASTER_KEY, baseURL: `${BASE_URL}/v1`, fetch: gateway.fetch, maxRetries: 0 })
const overloaded = { status: 503, json: { error: { message: 'Service overloaded', type: 'server_error' } } }
const anthropicOverloaded = async () => ({ status: 529, json: await readJsonFixture('anthropic/error-529-overloaded.json') })

describe('routes: a public model name served by deployments', () => {
  test("the first deployment serves with its own key and base URL; headers name the provider, upstream model and attempts", async () => {
    const gateway = routedGateway()
    gateway.openaiUpstream.replyTo('east.openai.test', { json: await readJsonFixture('openai-chat/response-text.response.json') })
    const response = await gateway.post('/v1/chat/completions', chat('smart'))
    expect(response.status).toBe(200)
    const [sent] = gateway.openaiUpstream.requests
    expect(sent.url).toBe('https://east.openai.test/v1/chat/completions')
    expect(sent.headers.authorization).toBe('Bearer sk-east-secret')
    expect(sent.body.model).toBe('gpt-4o')
    expect([...['x-tollgate-provider', 'x-tollgate-upstream-model', 'x-tollgate-attempts'].map((name) => response.headers.get(name))]).toEqual(['openai', 'gpt-4o', '1'])
  })

  test('fallback chain through the official SDK: east overloaded (retried), west unreachable (retried), Anthropic serves the stream', async () => {
    const gateway = routedGateway({ retry: { retries: 1 } })
    gateway.openaiUpstream.replyTo('east.openai.test', overloaded, overloaded)
    gateway.openaiUpstream.replyTo('west.openai.test', { failure: 'connection' }, { failure: 'connection' })
    gateway.anthropicUpstream.reply({ sse: await readFixture('anthropic/stream-text.sse') })
    const { data: stream, response } = await sdk(gateway).chat.completions.create({ model: 'smart', stream: true, messages: [{ role: 'user', content: 'hi' }] }).withResponse()
    let text = ''
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? ''
    expect(text).toBe('Hello')
    expect(response.headers.get('x-tollgate-provider')).toBe('anthropic')
    expect(response.headers.get('x-tollgate-upstream-model')).toBe('claude-haiku-4-5')
    expect(response.headers.get('x-tollgate-attempts')).toBe('5')
    expect(gateway.openaiUpstream.requestsTo('east.openai.test')).toHaveLength(2)
    expect(gateway.openaiUpstream.requestsTo('west.openai.test')).toHaveLength(2)
    expect(gateway.time.sleeps).toHaveLength(2)
  })

  test('no double billing across retries: one onUsage and one onFinish, with the serving attempt’s usage only', async () => {
    const gateway = routedGateway({ retry: { retries: 1 } })
    // East: overloaded, then a 200 whose connection drops before the first event (dead on arrival).
    gateway.openaiUpstream.replyTo('east.openai.test', overloaded, { sse: await readFixture('openai-chat/stream-text.sse'), cutAfterEvents: 0 })
    gateway.openaiUpstream.replyTo('west.openai.test', { sse: await readFixture('openai-chat/stream-text.sse') })
    await (await gateway.post('/v1/chat/completions', chat('smart', { stream: true }))).text()
    const finishes = await gateway.waitForFinishes(1)
    await Bun.sleep(20)
    expect(gateway.finishes).toHaveLength(1)
    expect(gateway.usages).toHaveLength(1)
    expect(gateway.usages[0].usage).toMatchObject({ input: { total: 14 }, output: { total: 30 } })
    expect(finishes[0].info).toMatchObject({ outcome: 'ok', usage: { input: { total: 14 }, output: { total: 30 } } })
    const record = gateway.usages[0].routing
    expect(record.served).toEqual({ deployment: 'openai/gpt-4o@west.openai.test', provider: 'openai', model: 'gpt-4o', route: 'smart' })
    expect(record.attempts.map((attempt) => [attempt.deployment, attempt.outcome, attempt.status ?? null, attempt.code ?? null])).toEqual([
      ['openai/gpt-4o@east.openai.test', 'error', 503, null],
      ['openai/gpt-4o@east.openai.test', 'error', 502, 'upstream_stream_error'],
      ['openai/gpt-4o@west.openai.test', 'ok', null, null],
    ])
  })

  test('malformed JSON from a deployment (200, not JSON) is retried elsewhere', async () => {
    const gateway = routedGateway({ retry: { retries: 0 } })
    gateway.openaiUpstream.replyTo('east.openai.test', { text: '{"id":"chatcmpl-broken","choices":[' })
    gateway.openaiUpstream.replyTo('west.openai.test', { json: await readJsonFixture('openai-chat/response-text.response.json') })
    const response = await gateway.post('/v1/chat/completions', chat('smart'))
    expect(response.status).toBe(200)
    expect((await response.json()).choices[0].message.content).toContain("I'm unable to provide real-time weather")
    expect(response.headers.get('x-tollgate-attempts')).toBe('2')
  })

  test("the client's own mistake (400) is answered at once in its dialect, with no retry", async () => {
    const gateway = routedGateway()
    gateway.openaiUpstream.replyTo('east.openai.test', { status: 400, json: { error: { message: "Invalid value for 'temperature'", type: 'invalid_request_error', param: 'temperature', code: null } } })
    const response = await gateway.post('/v1/messages', { ...chat('smart'), max_tokens: 10 })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', message: "Invalid value for 'temperature'" } })
    expect(gateway.openaiUpstream.requests).toHaveLength(1)
    expect(gateway.anthropicUpstream.requests).toHaveLength(0)
  })

  test('every deployment failing: the last error, mapped to the client dialect', async () => {
    const gateway = routedGateway({ retry: { retries: 0 } })
    gateway.openaiUpstream.replyTo('east.openai.test', overloaded)
    gateway.openaiUpstream.replyTo('west.openai.test', overloaded)
    gateway.anthropicUpstream.reply({ ...(await anthropicOverloaded()), headers: { 'retry-after': '12' } })
    const response = await gateway.post('/v1/messages', { ...chat('smart'), max_tokens: 10 })
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('12')
    expect(await response.json()).toMatchObject({ type: 'error', error: { type: 'overloaded_error' } })
  })

  test('a context-length error continues on the larger-context route (contextFallback)', async () => {
    const gateway = routedGateway({
      routes: {
        compact: { deployments: [{ provider: 'openai', model: 'gpt-4o-mini' }, { provider: 'openai', model: 'gpt-4o-mini', baseURL: 'https://west.openai.test/v1' }], contextFallback: 'roomy' },
        roomy: { deployments: [{ provider: 'anthropic', model: 'claude-haiku-4-5', contextWindow: 200_000 }] },
      },
    })
    const tooLong = { status: 400, json: { error: { message: "This model's maximum context length is 128000 tokens.", type: 'invalid_request_error', param: 'messages', code: 'context_length_exceeded' } } }
    gateway.openaiUpstream.reply(tooLong)
    gateway.anthropicUpstream.reply({ json: await readJsonFixture('anthropic/thinking.response.json') })
    const response = await gateway.post('/v1/chat/completions', chat('compact'))
    expect(response.status).toBe(200)
    expect(response.headers.get('x-tollgate-provider')).toBe('anthropic')
    // The other compact deployment has the same window: it was not tried.
    expect(gateway.openaiUpstream.requests).toHaveLength(1)
  })

  test('models that are not routes get the same retries (catalogue route of one deployment)', async () => {
    const gateway = routedGateway({ retry: { retries: 2 } })
    gateway.openaiUpstream.reply({ status: 429, headers: { 'retry-after': '2' }, json: { error: { message: 'Rate limit reached' } } }, { json: await readJsonFixture('openai-chat/response-text.response.json') })
    const response = await gateway.post('/v1/chat/completions', chat('gpt-4o'))
    expect(response.status).toBe(200)
    expect(response.headers.get('x-tollgate-attempts')).toBe('2')
    expect(gateway.time.sleeps).toEqual([2000])
  })
})

describe('strategies through the gateway', () => {
  test('least in-flight: while east holds a request, the next one goes west', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const gateway = routedGateway({ routes: { balanced: { strategy: 'least-in-flight', deployments: smart.smart.deployments.slice(0, 2) } } })
    const recorded = await readJsonFixture('openai-chat/response-text.response.json')
    gateway.openaiUpstream.replyTo('east.openai.test', { json: recorded, release: held })
    gateway.openaiUpstream.replyTo('west.openai.test', { json: recorded })
    const first = gateway.post('/v1/chat/completions', chat('balanced'))
    while (gateway.openaiUpstream.requests.length === 0) await Bun.sleep(1)
    const second = await gateway.post('/v1/chat/completions', chat('balanced'))
    expect(second.status).toBe(200)
    expect(gateway.openaiUpstream.requests.map((request) => new URL(request.url).host)).toEqual(['east.openai.test', 'west.openai.test'])
    release()
    expect((await first).status).toBe(200)
  })
})

describe('request preferences: provider and models', () => {
  test('provider pins the provider; the fields never reach the upstream (fast path)', async () => {
    const gateway = routedGateway()
    gateway.anthropicUpstream.reply({ json: await readJsonFixture('anthropic/thinking.response.json') })
    const response = await gateway.post('/v1/messages', { ...chat('smart', { provider: 'anthropic', models: ['gpt-4o'] }), max_tokens: 10 })
    expect(response.status).toBe(200)
    expect(response.headers.get('x-tollgate-provider')).toBe('anthropic')
    expect(gateway.openaiUpstream.requests).toHaveLength(0)
    const sent = gateway.anthropicUpstream.lastRequest!.body
    expect(sent.provider).toBeUndefined()
    expect(sent.models).toBeUndefined()
    expect(sent.model).toBe('claude-haiku-4-5')
  })

  test('OpenRouter-style order with fallbacks; the fields never reach the upstream (canonical path)', async () => {
    const gateway = routedGateway({ retry: { retries: 0 } })
    gateway.anthropicUpstream.reply(await anthropicOverloaded())
    gateway.openaiUpstream.replyTo('east.openai.test', { json: await readJsonFixture('openai-chat/response-text.response.json') })
    const response = await gateway.post('/v1/messages', { ...chat('smart', { provider: { order: ['anthropic'], allow_fallbacks: true } }), max_tokens: 10 })
    expect(response.status).toBe(200)
    expect(response.headers.get('x-tollgate-provider')).toBe('openai')
    const sent = gateway.openaiUpstream.lastRequest!.body
    expect(Object.keys(sent)).not.toContain('provider')
    expect(JSON.stringify(sent)).not.toContain('allow_fallbacks')
  })

  test('models: an ordered fallback list (OpenRouter style), through the official SDK', async () => {
    const gateway = routedGateway({ retry: { retries: 0 } })
    gateway.openaiUpstream.reply(overloaded)
    const completion = await sdk(gateway).chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'echo me' }],
      // @ts-expect-error a gateway field the SDK does not know
      models: ['mock/echo'],
    })
    expect(completion.choices[0].message.content).toBe('echo me')
    expect(gateway.openaiUpstream.lastRequest!.body.models).toBeUndefined()
  })

  const invalid: Array<[string, Record<string, unknown>, number, string]> = [
    ['provider of the wrong type', { provider: 3 }, 400, 'provider'],
    ['unknown provider preference', { provider: { quantizations: ['fp8'] } }, 400, 'provider.quantizations'],
    ['unknown provider id', { provider: 'gamma' }, 400, 'provider'],
    ['no deployment left', { provider: { only: ['mock'] } }, 400, 'provider'],
    ['models not a list', { models: 'gpt-4o' }, 400, 'models'],
    ['unknown fallback model', { models: ['gpt-4o', 'no-such-model'] }, 404, 'models[1]'],
  ]
  for (const [name, fields, status, param] of invalid) {
    test(`${status} naming '${param}': ${name}`, async () => {
      const gateway = routedGateway()
      const response = await gateway.post('/v1/chat/completions', chat('smart', fields))
      expect(response.status).toBe(status)
      expect((await response.json()).error.param).toBe(param)
      expect(gateway.openaiUpstream.requests).toHaveLength(0)
    })
  }
})

describe('routes from the environment and the admin API', () => {
  const environmentRoutes = { cheap: { strategy: 'lowest-price', deployments: [{ provider: 'openai', model: 'gpt-4o', price: { input: 2.5, output: 10 } }, { provider: 'openai', model: 'gpt-4o-mini', price: { input: 0.15, output: 0.6 }, apiKeyEnv: 'MINI_KEY' }] } }

  test('TOLLGATE_ROUTES holds JSON (keys named by apiKeyEnv)', async () => {
    const gateway = routedGateway({ routes: {} }, { TOLLGATE_ROUTES: JSON.stringify(environmentRoutes), MINI_KEY: 'sk-mini' })
    gateway.openaiUpstream.reply({ json: await readJsonFixture('openai-chat/response-text.response.json') })
    const response = await gateway.post('/v1/chat/completions', chat('cheap'))
    expect(response.headers.get('x-tollgate-upstream-model')).toBe('gpt-4o-mini')
    expect(gateway.openaiUpstream.lastRequest!.headers.authorization).toBe('Bearer sk-mini')
  })

  test('TOLLGATE_ROUTES names a JSON file; it wins over a config route of the same name', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tollgate-routes-')), 'routes.json')
    writeFileSync(file, JSON.stringify({ smart: { deployments: [{ provider: 'mock', model: 'echo' }] } }))
    const gateway = routedGateway({}, { TOLLGATE_ROUTES: file })
    const response = await gateway.post('/v1/chat/completions', chat('smart'))
    expect(response.headers.get('x-tollgate-provider')).toBe('mock')
  })

  test('GET /admin/routes lists routes, deployments and health, without secrets', async () => {
    const gateway = routedGateway({ retry: { retries: 0 } })
    gateway.openaiUpstream.replyTo('east.openai.test', overloaded)
    gateway.openaiUpstream.replyTo('west.openai.test', { json: await readJsonFixture('openai-chat/response-text.response.json') })
    await gateway.post('/v1/chat/completions', chat('smart'))
    const response = await gateway.app.handle(new Request(`${BASE_URL}/admin/routes`, { headers: { authorization: `Bearer ${MASTER_KEY}` } }))
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(text).not.toContain('sk-east-secret')
    expect(text).not.toContain('sk-openai-upstream-secret')
    const { object, data } = JSON.parse(text)
    expect(object).toBe('list')
    const route = data.find((entry: { name: string }) => entry.name === 'smart')
    expect(route).toMatchObject({ source: 'config', strategy: 'priority', contextFallback: null })
    const [east, west, claude] = route.deployments
    expect(east).toMatchObject({ id: 'openai/gpt-4o@east.openai.test', baseURL: 'https://east.openai.test/v1', customCredentials: true, weight: 1, priority: 0 })
    expect(east.health).toMatchObject({ breaker: { state: 'closed', consecutiveFailures: 1, retryAt: null }, inFlight: 0, requestsLastMinute: 1 })
    expect(east.health.recentFailures).toEqual([{ at: expect.any(String), status: 503, code: null, message: 'Service overloaded' }])
    expect(west.health).toMatchObject({ breaker: { state: 'closed', consecutiveFailures: 0 }, requestsLastMinute: 1, latencyMs: expect.any(Number) })
    expect(claude).toMatchObject({ provider: 'anthropic', model: 'claude-haiku-4-5', customCredentials: false, contextWindow: expect.any(Number) })
    const anonymous = await gateway.app.handle(new Request(`${BASE_URL}/admin/routes`))
    expect(anonymous.status).toBe(401)
  })

  test('the admin route is documented in OpenAPI (the document still validates)', async () => {
    const gateway = routedGateway()
    const document = await (await gateway.app.handle(new Request(`${BASE_URL}/openapi/json`))).json()
    await SwaggerParser.validate(structuredClone(document))
    const operation = document.paths['/admin/routes'].get
    expect(operation.summary).toBe('List routes, their deployments and health')
    expect(operation.responses['200'].content['application/json'].schema.properties.data.items.properties.deployments).toBeDefined()
  })
})
