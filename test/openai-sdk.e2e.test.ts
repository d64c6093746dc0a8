import { describe, expect, test } from 'bun:test'
import OpenAI from 'openai'
import { BASE_URL, MASTER_KEY, createTestGateway, readFixture, readJsonFixture } from './helpers/create-test-gateway'
import { anthropicStreamText, openAIStreamText } from './helpers/fixture-text'

function client(gateway: ReturnType<typeof createTestGateway>) {
  return new OpenAI({ apiKey: MASTER_KEY, baseURL: `${BASE_URL}/v1`, fetch: gateway.fetch, maxRetries: 0 })
}

describe('official openai SDK through Tollgate', () => {
  test('same dialect, JSON: OpenAI upstream answer reaches the SDK; unknown fields reach the upstream', async () => {
    const gateway = createTestGateway()
    const recorded = await readJsonFixture('openai-chat/response-text.response.json')
    gateway.openaiUpstream.reply({ json: recorded })
    const completion = await client(gateway).chat.completions.create({
      model: 'openai/gpt-4o',
      messages: [{ role: 'user', content: "What's the weather like in SF?" }],
      // @ts-expect-error a field the SDK does not know must still reach the upstream
      tollgate_unknown_field: { nested: [1, 2] },
    })
    expect(completion.choices[0].message.content).toBe(recorded.choices[0].message.content)
    expect(completion.usage?.total_tokens).toBe(recorded.usage.total_tokens)
    const sent = gateway.openaiUpstream.lastRequest!
    expect(sent.url).toBe('https://api.openai.test/v1/chat/completions')
    expect(sent.body.model).toBe('gpt-4o')
    expect(sent.body.tollgate_unknown_field).toEqual({ nested: [1, 2] })
    expect(sent.headers.authorization).toBe('Bearer sk-openai-upstream-secret-123456')
    const [finish] = await gateway.waitForFinishes(1)
    expect(finish.info.outcome).toBe('ok')
    expect(finish.info.usage?.input.total).toBe(recorded.usage.prompt_tokens)
  })

  test('same dialect, stream: text intact, injected usage chunk hidden from a client that did not ask', async () => {
    const gateway = createTestGateway()
    const sse = await readFixture('openai-chat/stream-text.sse')
    gateway.openaiUpstream.reply({ sse })
    const stream = await client(gateway).chat.completions.create({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'hi' }] })
    let text = ''
    let usageChunks = 0
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? ''
      if (chunk.usage) usageChunks++
    }
    expect(text).toBe(openAIStreamText(sse))
    expect(usageChunks).toBe(0)
    expect(gateway.openaiUpstream.lastRequest!.body.stream_options).toEqual({ include_usage: true })
    const finishes = await gateway.waitForFinishes(1)
    expect(finishes).toHaveLength(1)
    expect(finishes[0].info.outcome).toBe('ok')
    expect(finishes[0].info.usage?.output.total).toBeGreaterThan(0)
  })

  test('cross dialect, JSON: Anthropic parallel tool use becomes OpenAI tool_calls', async () => {
    const gateway = createTestGateway()
    const recorded = await readJsonFixture('anthropic/parallel-tool-use.response.json')
    gateway.anthropicUpstream.reply({ json: recorded })
    const completion = await client(gateway).chat.completions.create({
      model: 'claude-haiku-4-5',
      messages: [{ role: 'user', content: 'Who is the youngest?' }],
      tools: [{ type: 'function', function: { name: 'retrieve_entity_info', parameters: { type: 'object', properties: { name: { type: 'string' } } } } }],
    })
    const message = completion.choices[0].message
    expect(completion.choices[0].finish_reason).toBe('tool_calls')
    expect(message.content).toBe(recorded.content[0].text)
    expect(message.tool_calls?.map((call) => (call.type === 'function' ? [call.id, call.function.name, JSON.parse(call.function.arguments)] : []))).toEqual(
      recorded.content.slice(1).map((block: any) => [block.id, block.name, block.input]),
    )
    expect(completion.usage?.prompt_tokens).toBe(423)
    expect(completion.usage?.completion_tokens).toBe(202)
    const sent = gateway.anthropicUpstream.lastRequest!
    expect(sent.url).toBe('https://api.anthropic.test/v1/messages')
    expect(sent.headers['x-api-key']).toBe('sk-ant-upstream-secret-123456')
    expect(sent.body.tools[0]).toMatchObject({ name: 'retrieve_entity_info', input_schema: { type: 'object' } })
    expect(typeof sent.body.max_tokens).toBe('number')
  })

  test('cross dialect, stream with include_usage: Anthropic text stream and usage', async () => {
    const gateway = createTestGateway()
    const sse = await readFixture('anthropic/stream-text.sse')
    gateway.anthropicUpstream.reply({ sse })
    const stream = await client(gateway).chat.completions.create({
      model: 'anthropic/claude-haiku-4-5',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'Say hello' }],
    })
    let text = ''
    let usage: OpenAI.CompletionUsage | undefined | null
    let finishReason: string | null = null
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? ''
      finishReason = chunk.choices[0]?.finish_reason ?? finishReason
      if (chunk.usage) usage = chunk.usage
    }
    expect(text).toBe(anthropicStreamText(sse))
    expect(finishReason).toBe('stop')
    expect(usage).toMatchObject({ prompt_tokens: 10, completion_tokens: 4, total_tokens: 14 })
  })

  test('tools round trip across dialects: streamed parallel tool calls, then results go back as tool_result blocks', async () => {
    const gateway = createTestGateway()
    const sse = await readFixture('anthropic/stream-parallel-tool-use.sse')
    gateway.anthropicUpstream.reply({ sse }, { sse: await readFixture('anthropic/stream-text.sse') })
    const openai = client(gateway)
    const tools: OpenAI.ChatCompletionTool[] = [{ type: 'function', function: { name: 'llm_time', description: 'Current time', parameters: { type: 'object', properties: {} } } }]
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'What time is it, twice?' }]
    const stream = openai.chat.completions.stream({ model: 'claude-haiku-4-5', messages, tools })
    const first = await stream.finalChatCompletion()
    const calls = first.choices[0].message.tool_calls ?? []
    expect(calls.length).toBe(2)
    expect(first.choices[0].finish_reason).toBe('tool_calls')

    messages.push(first.choices[0].message as OpenAI.ChatCompletionMessageParam)
    for (const call of calls) messages.push({ role: 'tool', tool_call_id: call.id, content: `result for ${call.id}` })
    const second = await openai.chat.completions.create({ model: 'claude-haiku-4-5', messages, tools, stream: true })
    for await (const _ of second) {
    }
    const sent = gateway.anthropicUpstream.lastRequest!.body
    const assistant = sent.messages[1]
    expect(assistant.role).toBe('assistant')
    expect(assistant.content.filter((block: any) => block.type === 'tool_use').map((block: any) => block.id)).toEqual(calls.map((call) => call.id))
    const results = sent.messages[2]
    expect(results.role).toBe('user')
    expect(results.content.map((block: any) => [block.type, block.tool_use_id])).toEqual(calls.map((call) => ['tool_result', call.id]))
    expect(await gateway.waitForFinishes(2)).toHaveLength(2)
  })
})
