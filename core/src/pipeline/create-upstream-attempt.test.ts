import { describe, expect, test } from 'bun:test'
import { emptyUsage } from '../canonical'
import { openAIChatDialect } from '../dialects/openai-chat'
import { openAIResponsesDialect } from '../dialects/openai-responses'
import { GatewayError } from '../errors/gateway-error'
import { definePlugin } from '../plugin/gateway-plugin'
import type { ProviderSpecV1 } from '../plugin/provider-spec'
import { createProvider } from '../routing/create-provider'
import { createFakeUpstream } from '../testing/fake-upstream'
import { createHookRunner } from './create-hook-runner'
import { createRequestContext } from './create-request-context'
import { createUpstreamAttempt, routeForDialect, takesFastPath } from './create-upstream-attempt'

const response = { id: 'r', model: 'm', created: 0, content: [], finishReason: 'stop' as const, usage: emptyUsage() }
const converter = { event: () => [], end: () => [] }
const spec: ProviderSpecV1 = {
  specificationVersion: 'v1',
  id: 'openai-like',
  name: 'OpenAI-like',
  wireFormat: 'openai-chat',
  defaultBaseURL: 'https://upstream.test/v1',
  auth: { type: 'bearer' },
  endpoints: { chat: '/chat/completions' },
  models: [{ id: 'gpt-5' }],
  convertRequest: (_request, context) => ({ body: { format: 'chat', model: context.modelId } }),
  convertResponse: () => response,
  createStreamConverter: () => converter,
  convertError: (status) => ({ status, message: `main mapping of ${status}` }),
  preparePassthroughBody: (body, context) => ({ ...body, model: context.modelId, chat_passthrough: true }),
  alternateFormats: [
    {
      wireFormat: 'openai-responses',
      endpoints: { chat: '/responses' },
      convertRequest: (_request, context) => ({ body: { format: 'responses', model: context.modelId } }),
      convertResponse: () => response,
      createStreamConverter: () => converter,
      preparePassthroughBody: (body, context) => ({ ...body, model: context.modelId }),
    },
  ],
}

function setup(dialect: typeof openAIChatDialect, body: Record<string, unknown>, plugins = [] as ReturnType<typeof definePlugin>[]) {
  const upstream = createFakeUpstream({ json: {} })
  const provider = createProvider({ kind: 'provider', spec, settings: { apiKey: 'sk-upstream', fetch: upstream.fetch } }, {})
  const request = new Request('http://gateway/v1/x', { method: 'POST' })
  const context = createRequestContext(request, dialect.id, '/v1/x')
  context.route = { provider, upstreamModel: 'gpt-5' }
  const hooks = createHookRunner(plugins, console)
  const target = { model: String(body.model), stream: body.stream === true, includeUsage: false }
  const attempt = createUpstreamAttempt({ context, dialect, body, target, request, hooks, signal: new AbortController().signal })
  return { upstream, provider, context, hooks, attempt, target }
}

const responsesBody = { model: 'alias', input: 'hi', store: false, include: ['reasoning.encrypted_content'] }

describe('wire format selection per route', () => {
  test('a Responses client takes the fast path to the alternate format: its body, the model id, the /responses endpoint', async () => {
    const { upstream, attempt, context, hooks, target } = setup(openAIResponsesDialect, responsesBody)
    expect(takesFastPath(context.route!, openAIResponsesDialect, hooks, target)).toBe(true)
    const served = attempt.served(await attempt.attempt())!
    expect(upstream.lastRequest!.url).toBe('https://upstream.test/v1/responses')
    expect(upstream.lastRequest!.body).toEqual({ ...responsesBody, model: 'gpt-5' })
    expect([served.fastPath, served.route.provider.spec.wireFormat, served.route.provider.id]).toEqual([true, 'openai-responses', 'openai-like'])
    expect(context.route!.provider.spec.wireFormat).toBe('openai-chat')
  })

  test('with a plugin that needs the canonical form, a Responses client still gets the Responses format (converted)', async () => {
    const observer = definePlugin({ name: 'observer', hooks: { onStreamEvent() {} } })
    const { upstream, attempt } = setup(openAIResponsesDialect, responsesBody, [observer])
    const served = attempt.served(await attempt.attempt())!
    expect(upstream.lastRequest!.url).toBe('https://upstream.test/v1/responses')
    expect(upstream.lastRequest!.body).toEqual({ format: 'responses', model: 'gpt-5' })
    expect(served.fastPath).toBe(false)
  })

  test('other clients keep the main format', async () => {
    const { upstream, attempt } = setup(openAIChatDialect, { model: 'alias', messages: [{ role: 'user', content: 'hi' }] })
    const served = attempt.served(await attempt.attempt())!
    expect(upstream.lastRequest!.url).toBe('https://upstream.test/v1/chat/completions')
    expect(upstream.lastRequest!.body.chat_passthrough).toBe(true)
    expect(served.route.provider.spec).toBe(spec)
  })

  test('upstream errors of the alternate format are mapped (by the main mapping when the format has none)', async () => {
    const { upstream, attempt } = setup(openAIResponsesDialect, responsesBody)
    upstream.reply({ status: 429, json: { error: { message: 'slow down' } } })
    const error = await attempt.attempt().catch((caught) => caught)
    expect(error).toBeInstanceOf(GatewayError)
    expect([error.status, error.message]).toEqual([429, 'main mapping of 429'])
  })

  test('routeForDialect keeps one provider object per provider and format', () => {
    const { context } = setup(openAIResponsesDialect, responsesBody)
    const first = routeForDialect(context.route!, openAIResponsesDialect)
    expect(routeForDialect(context.route!, openAIResponsesDialect).provider).toBe(first.provider)
    expect(routeForDialect(context.route!, openAIChatDialect)).toBe(context.route!)
    expect([first.provider.apiKey, first.provider.baseURL]).toEqual(['sk-upstream', 'https://upstream.test/v1'])
  })
})
