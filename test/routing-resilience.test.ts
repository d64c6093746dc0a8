import { definePlugin, type Usage } from '@tollgate/core'
import { routing, type Clock, type RoutingOptions } from '@tollgate/routing'
import { describe, expect, test } from 'bun:test'
import Anthropic from '@anthropic-ai/sdk'
import { BASE_URL, MASTER_KEY, createTestGateway, readFixture, readJsonFixture } from './helpers/create-test-gateway'
import { readSse } from './helpers/fixture-text'

/**
 * A clock for the routing plugin: time moves only when the test says; backoff sleeps are
 * recorded and, when `holdSleeps` is set, stay pending until the client aborts.
 */
function testClock() {
  let now = 1_000_000
  const sleeps: Array<{ milliseconds: number; signal: AbortSignal }> = []
  let holdSleeps = false
  const clock: Clock = {
    now: () => now,
    sleep(milliseconds, signal) {
      sleeps.push({ milliseconds, signal })
      if (!holdSleeps) return Promise.resolve()
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }))
    },
  }
  return { clock, sleeps, advance: (milliseconds: number) => (now += milliseconds), hold: () => (holdSleeps = true) }
}

const deployments = [
  { provider: 'openai', model: 'gpt-4o', baseURL: 'https://east.openai.test/v1', apiKey: 'sk-east' },
  { provider: 'openai', model: 'gpt-4o', baseURL: 'https://west.openai.test/v1', apiKey: 'sk-west' },
]

function routedGateway(options: RoutingOptions = {}) {
  const time = testClock()
  const usages: Usage[] = []
  const meter = definePlugin({ name: 'meter', hooks: { onUsage: (_context, usage) => void usages.push(usage) } })
  const gateway = createTestGateway({ plugins: [routing({ routes: { pair: { deployments } }, clock: time.clock, random: () => 0, ...options }), meter] })
  const east = () => gateway.openaiUpstream.requestsTo('east.openai.test')
  const west = () => gateway.openaiUpstream.requestsTo('west.openai.test')
  return { ...gateway, time, usages, east, west }
}

const chat = (model: string, stream: boolean) => ({ model, stream, messages: [{ role: 'user', content: 'hi' }] })
const overloaded = { status: 503, json: { error: { message: 'Service overloaded' } } }
const admin = async (gateway: ReturnType<typeof createTestGateway>) =>
  (await (await gateway.app.handle(new Request(`${BASE_URL}/admin/routes`, { headers: { authorization: `Bearer ${MASTER_KEY}` } }))).json()).data

describe('streams: retried only before the first byte reaches the client', () => {
  test('200 then dropped before the first event: falls back, the client sees one clean stream', async () => {
    const gateway = routedGateway({ retry: { retries: 0 } })
    const sse = await readFixture('openai-chat/stream-text.sse')
    gateway.openaiUpstream.replyTo('east.openai.test', { sse, cutAfterEvents: 0 })
    gateway.openaiUpstream.replyTo('west.openai.test', { sse })
    const response = await gateway.post('/v1/chat/completions', chat('pair', true))
    const events = await readSse(response)
    expect(events[events.length - 1].data).toBe('[DONE]')
    expect(events.filter((event) => event.data.includes('"role":"assistant"'))).toHaveLength(1)
    expect(response.headers.get('x-tollgate-attempts')).toBe('2')
    expect(gateway.east()).toHaveLength(1)
  })

  test('a first event that is an error (Anthropic overloaded) falls back', async () => {
    const gateway = createTestGateway({
      plugins: [routing({ routes: { duo: { deployments: [{ provider: 'anthropic', model: 'claude-haiku-4-5' }, { provider: 'openai', model: 'gpt-4o' }] } }, retry: { retries: 0 } })],
    })
    gateway.anthropicUpstream.reply({ sse: 'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n' })
    gateway.openaiUpstream.reply({ sse: await readFixture('openai-chat/stream-text.sse') })
    const response = await gateway.post('/v1/messages', { ...chat('duo', true), max_tokens: 64 })
    const events = await readSse(response)
    expect(response.headers.get('x-tollgate-provider')).toBe('openai')
    expect(events[events.length - 1].event).toBe('message_stop')
  })

  test('cut after the first byte: no retry; the dialect’s error terminal; what was generated is billed once', async () => {
    const gateway = routedGateway()
    gateway.openaiUpstream.replyTo('east.openai.test', { sse: await readFixture('openai-chat/stream-text.sse'), cutAfterEvents: 3 })
    const events = await readSse(await gateway.post('/v1/chat/completions', chat('pair', true)))
    expect(JSON.parse(events[events.length - 1].data).error).toMatchObject({ type: 'upstream_error' })
    expect(events.some((event) => event.data === '[DONE]')).toBe(false)
    const [finish] = await gateway.waitForFinishes(1)
    expect(finish.info.outcome).toBe('error')
    expect(gateway.east()).toHaveLength(1)
    expect(gateway.west()).toHaveLength(0)
    expect(gateway.usages).toHaveLength(1)
    expect(gateway.usages[0].output.total).toBeGreaterThan(0)
    // The breaker heard of the mid-stream failure even though it was too late to retry.
    const [pair] = await admin(gateway)
    expect(pair.deployments[0].health.recentFailures[0]).toMatchObject({ status: 502, code: 'upstream_stream_error' })
  })

  test('hung before the first event: the per-attempt timeout aborts it and the next deployment streams', async () => {
    const gateway = routedGateway({ retry: { retries: 0, timeoutMs: 30 } })
    const sse = await readFixture('openai-chat/stream-text.sse')
    gateway.openaiUpstream.replyTo('east.openai.test', { sse, hangAfterEvents: 0 })
    gateway.openaiUpstream.replyTo('west.openai.test', { sse })
    const response = await gateway.post('/v1/chat/completions', chat('pair', true))
    const events = await readSse(response)
    expect(events[events.length - 1].data).toBe('[DONE]')
    expect(gateway.east()[0].aborted).toBe(true)
    expect(response.headers.get('x-tollgate-upstream-model')).toBe('gpt-4o')
  })

  test('the per-attempt timeout stops at the first event: a slow drip afterwards is not cut', async () => {
    const gateway = routedGateway({ retry: { timeoutMs: 20 } })
    gateway.openaiUpstream.replyTo('east.openai.test', { sse: (await readFixture('openai-chat/stream-text.sse')).split('\n\n').slice(0, 4).join('\n\n') + '\n\ndata: [DONE]\n\n', eventDelayMs: 30 })
    const events = await readSse(await gateway.post('/v1/chat/completions', chat('pair', true)))
    expect(events[events.length - 1].data).toBe('[DONE]')
    expect(gateway.east()[0].aborted).toBe(false)
  })
})

describe('abort propagation', () => {
  test('client abort during an attempt aborts that upstream call; no retry follows; finish says cancelled', async () => {
    const gateway = routedGateway()
    gateway.openaiUpstream.replyTo('east.openai.test', { failure: 'hang' })
    const client = new AbortController()
    const pending = gateway.post('/v1/chat/completions', chat('pair', false), {}, client.signal)
    while (gateway.east().length === 0) await Bun.sleep(1)
    client.abort()
    await pending.catch(() => {})
    const [finish] = await gateway.waitForFinishes(1)
    expect(finish.info.outcome).toBe('cancelled')
    expect(gateway.east()[0].aborted).toBe(true)
    expect(gateway.openaiUpstream.requests).toHaveLength(1)
  })

  test('client abort during a backoff wait cancels the wait; no further attempt', async () => {
    const gateway = routedGateway()
    gateway.time.hold()
    gateway.openaiUpstream.replyTo('east.openai.test', { ...overloaded, headers: { 'retry-after': '5' } })
    const client = new AbortController()
    const pending = gateway.post('/v1/chat/completions', chat('pair', true), {}, client.signal)
    while (gateway.time.sleeps.length === 0) await Bun.sleep(1)
    expect(gateway.time.sleeps[0].milliseconds).toBe(5000)
    client.abort()
    await pending.catch(() => {})
    const [finish] = await gateway.waitForFinishes(1)
    expect(finish.info.outcome).toBe('cancelled')
    expect(gateway.time.sleeps[0].signal.aborted).toBe(true)
    expect(gateway.openaiUpstream.requests).toHaveLength(1)
    expect(gateway.usages).toHaveLength(0)
  })

  test('client abort mid-stream after a fallback reaches the serving upstream', async () => {
    const gateway = routedGateway({ retry: { retries: 0 } })
    gateway.openaiUpstream.replyTo('east.openai.test', overloaded)
    gateway.openaiUpstream.replyTo('west.openai.test', { sse: await readFixture('openai-chat/stream-text.sse'), eventDelayMs: 20 })
    const client = new AbortController()
    const response = await gateway.post('/v1/chat/completions', chat('pair', true), {}, client.signal)
    const reader = response.body!.getReader()
    await reader.read()
    client.abort()
    await reader.cancel().catch(() => {})
    const [finish] = await gateway.waitForFinishes(1)
    expect(finish.info.outcome).toBe('cancelled')
    expect(gateway.west()[0].aborted).toBe(true)
    expect((await admin(gateway))[0].deployments[1].health.inFlight).toBe(0)
  })
})

describe('circuit breaker through the gateway (local state)', () => {
  test('opens after N failures, skips the deployment, probes after the cool-down, closes on success', async () => {
    const gateway = routedGateway({ retry: { retries: 0 }, breaker: { failureThreshold: 2, coolDownMs: 30_000 } })
    const recorded = await readJsonFixture('openai-chat/response-text.response.json')
    gateway.openaiUpstream.replyTo('east.openai.test', overloaded, overloaded, { json: recorded })
    gateway.openaiUpstream.replyTo('west.openai.test', { json: recorded }, { json: recorded }, { json: recorded })
    for (let i = 0; i < 3; i++) expect((await gateway.post('/v1/chat/completions', chat('pair', false))).status).toBe(200)
    // Third request: east is open and was not called.
    expect(gateway.east()).toHaveLength(2)
    expect(gateway.west()).toHaveLength(3)
    let [pair] = await admin(gateway)
    expect(pair.deployments[0].health.breaker).toMatchObject({ state: 'open', retryAt: new Date(1_000_000 + 30_000).toISOString() })

    gateway.time.advance(30_000)
    const probe = await gateway.post('/v1/chat/completions', chat('pair', false))
    expect(probe.headers.get('x-tollgate-attempts')).toBe('1')
    expect(gateway.east()).toHaveLength(3)
    ;[pair] = await admin(gateway)
    expect(pair.deployments[0].health.breaker).toEqual({ state: 'closed', consecutiveFailures: 0, retryAt: null })
  })

  test('every deployment open: 503 no_healthy_deployment with Retry-After, through the Anthropic SDK', async () => {
    const gateway = routedGateway({ retry: { retries: 0 }, breaker: { failureThreshold: 1, coolDownMs: 30_000 } })
    gateway.openaiUpstream.replyTo('east.openai.test', overloaded)
    gateway.openaiUpstream.replyTo('west.openai.test', overloaded)
    await gateway.post('/v1/chat/completions', chat('pair', false))
    const anthropic = new Anthropic({ apiKey: MASTER_KEY, baseURL: BASE_URL, fetch: gateway.fetch, maxRetries: 0 })
    const failure = await anthropic.messages.create({ model: 'pair', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }).catch((error) => error)
    expect(failure).toBeInstanceOf(Anthropic.APIError)
    expect(failure.status).toBe(503)
    expect(failure.headers.get('retry-after')).toBe('30')
    expect(failure.error).toMatchObject({ type: 'error', error: { type: 'overloaded_error' } })
    expect(gateway.openaiUpstream.requests).toHaveLength(2)
  })
})
