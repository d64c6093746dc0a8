import { definePlugin, GatewayError, Type, type CanonicalRequest, type Provider, type StreamEvent } from '@tollgate/core'
import { describe, expect, test } from 'bun:test'
import { BASE_URL, MASTER_KEY, createTestGateway, readFixture } from './helpers/create-test-gateway'

const chat = (model: string, stream = false) => ({ model, stream, messages: [{ role: 'user', content: 'hello hooks' }] })

describe('platform plugin hooks', () => {
  test('run in the documented order, exactly once each, with the request context', async () => {
    const calls: string[] = []
    const tracer = definePlugin({
      name: 'tracer',
      hooks: {
        authenticate: () => void calls.push('authenticate'),
        admit: () => void calls.push('admit'),
        resolveRoute: () => void calls.push('resolveRoute'),
        transformRequest: () => void calls.push('transformRequest'),
        wrapUpstream: (_context, next) => (calls.push('wrapUpstream'), next()),
        onStreamEvent: (_context, event) => void (event.type === 'finish' && calls.push('onStreamEvent:finish')),
        onUsage: () => void calls.push('onUsage'),
        onFinish: () => void calls.push('onFinish'),
      },
    })
    const gateway = createTestGateway({ plugins: [tracer] })
    const response = await gateway.post('/v1/chat/completions', chat('mock/echo', true))
    await response.text()
    await gateway.waitForFinishes(1)
    // The built-in master-key plugin recognised the key first, so later authenticate hooks were not asked.
    expect(calls).toEqual(['admit', 'resolveRoute', 'transformRequest', 'wrapUpstream', 'onStreamEvent:finish', 'onUsage', 'onFinish'])
  })

  test('authenticate: a plugin can accept its own keys; the principal reaches later hooks', async () => {
    let seenKeyId: string | undefined
    const keys = definePlugin({
      name: 'keys',
      hooks: {
        authenticate: (_context, credential) => (credential === 'sk-tg-custom' ? { keyId: 'key_1', scopes: ['inference'] } : undefined),
        admit: (context) => void (seenKeyId = context.principal?.keyId),
      },
    })
    const gateway = createTestGateway({ plugins: [keys] })
    const response = await gateway.post('/v1/chat/completions', chat('mock/echo'), { authorization: 'Bearer sk-tg-custom' })
    expect(response.status).toBe(200)
    expect(seenKeyId).toBe('key_1')
  })

  test('admit sees the admission estimate: input tokens from the body size, the output limit asked for', async () => {
    const seen: Array<{ inputTokens: number; maxOutputTokens?: number }> = []
    const meter = definePlugin({ name: 'meter', hooks: { admit: (context) => void seen.push(context.estimate) } })
    const gateway = createTestGateway({ plugins: [meter] })
    const body = { ...chat('mock/echo'), max_tokens: 300 }
    await gateway.post('/v1/chat/completions', body)
    await gateway.post('/v1/messages', { ...chat('mock/echo'), max_tokens: 77 })
    expect(seen[0]).toEqual({ inputTokens: Math.ceil(JSON.stringify(body).length / 4), maxOutputTokens: 300 })
    expect(seen[1].maxOutputTokens).toBe(77)
  })

  test('admit: throwing a GatewayError refuses with that status in the client dialect, and finish sees it', async () => {
    const limiter = definePlugin({
      name: 'limiter',
      hooks: {
        admit: () => {
          throw new GatewayError({ status: 429, message: 'Slow down', code: 'rate_limit_exceeded', retryAfter: 2 })
        },
      },
    })
    const gateway = createTestGateway({ plugins: [limiter] })
    const response = await gateway.post('/v1/messages', { ...chat('mock/echo'), max_tokens: 10 })
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('2')
    expect(await response.json()).toMatchObject({ type: 'error', error: { type: 'rate_limit_error', message: 'Slow down' } })
    const [finish] = await gateway.waitForFinishes(1)
    expect(finish.info).toMatchObject({ outcome: 'error', status: 429 })
  })

  test('resolveRoute overrides the catalogue; transformRequest rewrites the canonical request', async () => {
    const gateway = createTestGateway()
    const [mockProvider] = gateway.app.decorator.gateway.providers.filter((provider) => provider.id === 'mock')
    const router = definePlugin({
      name: 'router',
      hooks: {
        resolveRoute: (context) => (context.model === 'my-alias' ? { provider: mockProvider, upstreamModel: 'echo' } : undefined),
        transformRequest: (_context, request: CanonicalRequest) => ({ ...request, messages: [{ role: 'user', content: [{ type: 'text', text: 'rewritten' }] }] }),
      },
    })
    const routed = createTestGateway({ plugins: [router] })
    const response = await routed.post('/v1/chat/completions', chat('my-alias'))
    expect(response.headers.get('x-tollgate-provider')).toBe('mock')
    expect((await response.json()).choices[0].message.content).toBe('rewritten')
  })

  test('a plugin with transformRequest turns the same-format fast path off (the body is re-encoded)', async () => {
    const events: StreamEvent['type'][] = []
    const observer = definePlugin({ name: 'observer', hooks: { onStreamEvent: (_context, event) => void events.push(event.type) } })
    const gateway = createTestGateway({ plugins: [observer] })
    gateway.openaiUpstream.reply({ sse: await readFixture('openai-chat/stream-text.sse') })
    await (await gateway.post('/v1/chat/completions', chat('gpt-4o', true))).text()
    expect(events[0]).toBe('response-start')
    expect(events[events.length - 1]).toBe('finish')
  })

  test('wrapUpstream can retry the upstream call: a failed attempt rejects with the mapped GatewayError', async () => {
    const seen: number[] = []
    const retry = definePlugin({
      name: 'retry',
      hooks: {
        async wrapUpstream(_context, next) {
          try {
            return await next()
          } catch (error) {
            seen.push((error as GatewayError).status)
            return next()
          }
        },
      },
    })
    const gateway = createTestGateway({ plugins: [retry] })
    gateway.openaiUpstream.reply({ status: 500, json: { error: { message: 'boom' } } }, { json: { id: 'x', object: 'chat.completion', created: 1, model: 'gpt-4o', choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } } })
    const response = await gateway.post('/v1/chat/completions', chat('gpt-4o'))
    expect(response.status).toBe(200)
    expect(seen).toEqual([502])
    expect(response.headers.get('x-tollgate-attempts')).toBe('2')
    expect(gateway.openaiUpstream.requests).toHaveLength(2)
  })

  test('wrapUpstream can fall back to another route: the request is converted for that provider', async () => {
    let anthropicProvider: Provider | undefined
    const fallback = definePlugin({
      name: 'fallback',
      hooks: {
        async wrapUpstream(_context, next) {
          try {
            return await next()
          } catch {
            return next({ route: { provider: anthropicProvider!, upstreamModel: 'claude-haiku-4-5' } })
          }
        },
      },
    })
    const routed = createTestGateway({ plugins: [fallback] })
    anthropicProvider = routed.app.decorator.gateway.providers.find((provider) => provider.id === 'anthropic')
    routed.openaiUpstream.reply({ status: 503, json: { error: { message: 'down' } } })
    routed.anthropicUpstream.reply({ sse: await readFixture('anthropic/stream-text.sse') })
    const response = await routed.post('/v1/chat/completions', chat('gpt-4o', true))
    expect(response.headers.get('x-tollgate-provider')).toBe('anthropic')
    expect(response.headers.get('x-tollgate-upstream-model')).toBe('claude-haiku-4-5')
    const text = await response.text()
    expect(text).toContain('"content":"Hello"')
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true)
    expect(routed.anthropicUpstream.lastRequest!.body).toMatchObject({ model: 'claude-haiku-4-5', messages: [{ role: 'user', content: [{ type: 'text', text: 'hello hooks' }] }] })
  })

  test('a failing observer hook is logged and never breaks the request', async () => {
    const broken = definePlugin({ name: 'broken', hooks: { onFinish: () => Promise.reject(new Error('observer down')) } })
    const gateway = createTestGateway({ plugins: [broken] })
    const response = await gateway.post('/v1/chat/completions', chat('mock/echo'))
    expect(response.status).toBe(200)
  })

  test('plugins add routes with TypeBox schemas; /v1 routes are authenticated and see the principal', async () => {
    const hello = definePlugin({
      name: 'hello',
      routes: [
        {
          method: 'POST',
          path: '/v1/hello',
          schema: { body: Type.Object({ name: Type.String() }), detail: { summary: 'Say hello' } },
          handler: ({ body, context }) => ({ greeting: `hello ${(body as { name: string }).name}`, key: context?.principal?.keyId }),
        },
      ],
    })
    const gateway = createTestGateway({ plugins: [hello] })
    const ok = await gateway.post('/v1/hello', { name: 'plugin' })
    expect(await ok.json()).toEqual({ greeting: 'hello plugin', key: 'master' })
    const invalid = await gateway.post('/v1/hello', { name: 3 })
    expect(invalid.status).toBe(400)
    expect((await invalid.json()).error.param).toBe('name')
    const anonymous = await gateway.app.handle(new Request(`${BASE_URL}/v1/hello`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"x"}' }))
    expect(anonymous.status).toBe(401)
    const document = await (await gateway.app.handle(new Request(`${BASE_URL}/openapi/json`))).json()
    expect(document.paths['/v1/hello'].post.summary).toBe('Say hello')
    expect(MASTER_KEY).toBeTruthy()
  })
})
