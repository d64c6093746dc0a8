import { describe, expect, test } from 'bun:test'
import { createOpenAICompatible } from '@ai-sdk/openai-compatible'
import { createFakeUpstream } from '@tollgate/core/testing'
import { deepseek, mistral, xai } from '@tollgate/provider-openai-compatible'
import { generateText, jsonSchema, streamText, tool } from 'ai'
import { BASE_URL, MASTER_KEY, createTestGateway } from './helpers/create-test-gateway'

const fixture = (path: string) => Bun.file(new URL(`../plugins/provider-openai-compatible/fixtures/${path}`, import.meta.url)).text()

/** The Vercel AI SDK's OpenAI-compatible provider pointed at Tollgate, which serves presets from a fake upstream. */
function aiSdkGateway() {
  const upstream = createFakeUpstream()
  const gateway = createTestGateway({
    providers: [
      mistral({ apiKey: 'mistral-secret', baseURL: 'https://api.mistral.test/v1', fetch: upstream.fetch }),
      deepseek({ apiKey: 'deepseek-secret', baseURL: 'https://api.deepseek.test', fetch: upstream.fetch }),
      xai({ apiKey: 'xai-secret', baseURL: 'https://api.x.test/v1', fetch: upstream.fetch }),
    ],
  })
  const tollgate = createOpenAICompatible({ name: 'tollgate', baseURL: `${BASE_URL}/v1`, apiKey: MASTER_KEY, fetch: gateway.fetch, includeUsage: true })
  return { ...gateway, upstream, tollgate }
}

describe('Vercel AI SDK (ai + @ai-sdk/openai-compatible) → Tollgate → compatible presets', () => {
  test('generateText → DeepSeek: text, reasoning and usage; the SDK max_tokens reaches DeepSeek', async () => {
    const gateway = aiSdkGateway()
    const recorded = JSON.parse(await fixture('recorded/deepseek-reasoning.response.json'))
    gateway.upstream.reply({ json: recorded })
    const result = await generateText({ model: gateway.tollgate('deepseek/deepseek-v4-flash'), prompt: 'How many r are in strawberry?', maxOutputTokens: 500, maxRetries: 0 })
    expect(result.text).toBe(recorded.choices[0].message.content)
    expect(result.reasoningText).toBe(recorded.choices[0].message.reasoning_content)
    expect([result.usage.inputTokens, result.usage.outputTokens]).toEqual([97, 131])
    const sent = gateway.upstream.lastRequest!
    expect([sent.url, sent.headers.authorization, sent.body.model, sent.body.max_tokens]).toEqual(['https://api.deepseek.test/chat/completions', 'Bearer deepseek-secret', 'deepseek-v4-flash', 500])
  })

  test('streamText → Mistral reasoning model: reasoning then text, usage from the gateway', async () => {
    const gateway = aiSdkGateway()
    gateway.upstream.reply({ sse: await fixture('recorded/mistral-reasoning.sse') })
    const result = streamText({ model: gateway.tollgate('mistral/magistral-medium-2507'), prompt: '2+2?', maxRetries: 0 })
    let text = ''
    for await (const delta of result.textStream) text += delta
    expect(text).toBe('2 + 2 = 4')
    expect(await result.reasoningText).toBe('The user is asking for 2+2. This is basic arithmetic. 2+2=4.')
    const usage = await result.usage
    expect([usage.inputTokens, usage.outputTokens]).toEqual([10, 46])
    expect(gateway.upstream.lastRequest!.body.stream_options).toBeUndefined()
  })

  test('streamText → xAI with a tool: the tool call arrives parsed', async () => {
    const gateway = aiSdkGateway()
    gateway.upstream.reply({ sse: await fixture('recorded/xai-tool-call.sse') })
    const weather = tool({ description: 'Weather in a city', inputSchema: jsonSchema<{ location: string }>({ type: 'object', properties: { location: { type: 'string' } }, required: ['location'] }) })
    const result = streamText({ model: gateway.tollgate('grok-3-mini'), prompt: 'Weather in San Francisco?', tools: { weather }, maxRetries: 0 })
    const calls = await result.toolCalls
    expect(calls.map((call) => [call.toolName, call.input])).toEqual([['weather', { location: 'San Francisco' }]])
    expect(await result.finishReason).toBe('tool-calls')
    expect(gateway.upstream.lastRequest!.body.tools[0].function.name).toBe('weather')
  })
})
