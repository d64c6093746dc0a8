import Anthropic from '@anthropic-ai/sdk'
import { describe, expect, test } from 'bun:test'
import { BASE_URL, MASTER_KEY, createTestGateway, readFixture, readJsonFixture } from './helpers/create-test-gateway'
import { anthropicStreamText, openAIStreamText } from './helpers/fixture-text'

type Gateway = ReturnType<typeof createTestGateway>

/** Anthropic SDK 1.x sends `Authorization: Bearer`; 0.x sent `x-api-key`. Both must work. */
function bearerClient(gateway: Gateway) {
  return new Anthropic({ apiKey: MASTER_KEY, baseURL: BASE_URL, fetch: gateway.fetch, maxRetries: 0 })
}
function xApiKeyClient(gateway: Gateway) {
  return new Anthropic({ apiKey: null, authToken: null, defaultHeaders: { 'x-api-key': MASTER_KEY }, baseURL: BASE_URL, fetch: gateway.fetch, maxRetries: 0 })
}

describe('official @anthropic-ai/sdk through Tollgate', () => {
  test('same dialect, stream (x-api-key): thinking + signature intact; unknown fields and beta header reach the upstream', async () => {
    const gateway = createTestGateway()
    const sse = await readFixture('anthropic/stream-thinking.sse')
    gateway.anthropicUpstream.reply({ sse })
    const stream = xApiKeyClient(gateway).messages.stream(
      {
        model: 'claude-haiku-4-5',
        max_tokens: 2048,
        thinking: { type: 'enabled', budget_tokens: 1024 },
        messages: [{ role: 'user', content: 'Two names for a pet pelican, be brief' }],
        tollgate_unknown_field: 'kept',
      },
      { headers: { 'anthropic-beta': 'interleaved-thinking-2025-05-14' } },
    )
    const message = await stream.finalMessage()
    const thinking = message.content.find((block) => block.type === 'thinking')
    const recordedSignature = sse.match(/"signature":"([^"]+)"/)![1]
    expect(thinking?.type === 'thinking' && thinking.signature).toBe(recordedSignature)
    const text = message.content.filter((block) => block.type === 'text').map((block) => (block.type === 'text' ? block.text : '')).join('')
    expect(text).toBe(anthropicStreamText(sse))
    const sent = gateway.anthropicUpstream.lastRequest!
    expect(sent.body.tollgate_unknown_field).toBe('kept')
    expect(sent.body.thinking).toEqual({ type: 'enabled', budget_tokens: 1024 })
    expect(sent.headers['anthropic-beta']).toBe('interleaved-thinking-2025-05-14')
    const finishes = await gateway.waitForFinishes(1)
    expect(finishes.map((finish) => finish.info.outcome)).toEqual(['ok'])
    expect(finishes[0].info.usage?.output.total).toBe(message.usage.output_tokens)
  })

  test('same dialect, JSON (Bearer): the upstream body is returned as the provider sent it', async () => {
    const gateway = createTestGateway()
    const recorded = await readJsonFixture('anthropic/thinking.response.json')
    gateway.anthropicUpstream.reply({ json: recorded })
    const message = await bearerClient(gateway).messages.create({ model: 'claude-sonnet-4-5', max_tokens: 4096, messages: [{ role: 'user', content: 'hi' }] })
    expect(message).toEqual(recorded)
  })

  test('cross dialect, JSON (Bearer): OpenAI parallel tool calls become tool_use blocks', async () => {
    const gateway = createTestGateway()
    const recorded = await readJsonFixture('openai-chat/response-tool-calls-parallel.response.json')
    gateway.openaiUpstream.reply({ json: recorded })
    const message = await bearerClient(gateway).messages.create({
      model: 'gpt-4o',
      max_tokens: 1024,
      tools: [{ name: 'get_weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }],
      messages: [{ role: 'user', content: 'Weather in two cities?' }],
    })
    expect(message.stop_reason).toBe('tool_use')
    const calls = recorded.choices[0].message.tool_calls
    expect(message.content.filter((block) => block.type === 'tool_use').map((block) => (block.type === 'tool_use' ? [block.id, block.name, block.input] : []))).toEqual(
      calls.map((call: any) => [call.id, call.function.name, JSON.parse(call.function.arguments)]),
    )
    const sent = gateway.openaiUpstream.lastRequest!.body
    expect(sent.model).toBe('gpt-4o')
    expect(sent.tools[0]).toMatchObject({ type: 'function', function: { name: 'get_weather' } })
    expect(sent.max_completion_tokens ?? sent.max_tokens).toBe(1024)
  })

  test('cross dialect, stream (x-api-key): OpenAI text stream as Anthropic events with usage', async () => {
    const gateway = createTestGateway()
    const sse = await readFixture('openai-chat/stream-text.sse')
    gateway.openaiUpstream.reply({ sse })
    const events: string[] = []
    const stream = xApiKeyClient(gateway).messages.stream({ model: 'openai/gpt-4o', max_tokens: 256, messages: [{ role: 'user', content: 'weather?' }] })
    stream.on('streamEvent', (event) => events.push(event.type))
    const message = await stream.finalMessage()
    expect(message.content.map((block) => (block.type === 'text' ? block.text : '')).join('')).toBe(openAIStreamText(sse))
    expect(events[0]).toBe('message_start')
    expect(events[events.length - 1]).toBe('message_stop')
    expect(message.stop_reason).toBe('end_turn')
    expect(message.usage.output_tokens).toBeGreaterThan(0)
    expect(gateway.openaiUpstream.lastRequest!.body.stream_options).toEqual({ include_usage: true })
  })

  test('tools round trip across dialects: tool_result blocks reach OpenAI as tool messages', async () => {
    const gateway = createTestGateway()
    const recorded = await readJsonFixture('openai-chat/response-tool-calls-parallel.response.json')
    gateway.openaiUpstream.reply({ json: recorded }, { sse: await readFixture('openai-chat/stream-text.sse') })
    const anthropic = bearerClient(gateway)
    const tools: Anthropic.Tool[] = [{ name: 'get_weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }]
    const messages: Anthropic.MessageParam[] = [{ role: 'user', content: 'Weather in two cities?' }]
    const first = await anthropic.messages.create({ model: 'gpt-4o', max_tokens: 1024, tools, messages })
    const uses = first.content.filter((block): block is Anthropic.ToolUseBlock => block.type === 'tool_use')
    messages.push({ role: 'assistant', content: first.content })
    messages.push({ role: 'user', content: uses.map((use) => ({ type: 'tool_result' as const, tool_use_id: use.id, content: `sunny in ${JSON.stringify(use.input)}` })) })
    await anthropic.messages.stream({ model: 'gpt-4o', max_tokens: 1024, tools, messages }).finalMessage()
    const sent = gateway.openaiUpstream.lastRequest!.body
    expect(sent.messages[1].tool_calls.map((call: any) => call.id)).toEqual(uses.map((use) => use.id))
    expect(sent.messages.slice(2).map((message: any) => [message.role, message.tool_call_id])).toEqual(uses.map((use) => ['tool', use.id]))
  })
})
