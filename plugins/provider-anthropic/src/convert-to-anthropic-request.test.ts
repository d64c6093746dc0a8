import { describe, expect, test } from 'bun:test'
import { GatewayError, type CanonicalRequest, type Message } from '@tollgate/core'
import { anthropicModels } from './anthropic-models'
import { convertToAnthropicRequest, JSON_OBJECT_INSTRUCTION } from './convert-to-anthropic-request'

const haiku = { modelId: 'claude-haiku-4-5', model: anthropicModels.find((model) => model.id === 'claude-haiku-4-5') }
const hello: Message = { role: 'user', content: [{ type: 'text', text: 'hi' }] }
const request = (fields: Partial<CanonicalRequest> = {}): CanonicalRequest => ({ model: 'x', messages: [hello], stream: false, extra: {}, ...fields })
const convert = (fields: Partial<CanonicalRequest> = {}, context: Parameters<typeof convertToAnthropicRequest>[1] = haiku) => convertToAnthropicRequest(request(fields), context)

function errorOf(run: () => unknown): GatewayError {
  try {
    run()
  } catch (error) {
    return error as GatewayError
  }
  throw new Error('expected a GatewayError')
}

describe('convertToAnthropicRequest: parameters', () => {
  test('minimal: routed model id, catalogue max_tokens, explicit stream', () => {
    expect(convert()).toEqual({ body: { model: 'claude-haiku-4-5', max_tokens: 8192, messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], stream: false } })
    expect(convert({}, { modelId: 'claude-unknown' }).body.max_tokens).toBe(4096)
  })

  test('sampling, stop, user, tools, tool choice and parallel calls', () => {
    const { body } = convert({
      temperature: 0.2,
      topP: 0.9,
      stopSequences: ['END'],
      user: 'u-1',
      tools: [{ name: 'get', description: 'Get it', parameters: { type: 'object' }, strict: true }],
      toolChoice: { type: 'required' },
      parallelToolCalls: false,
    })
    expect(body).toMatchObject({
      temperature: 0.2,
      top_p: 0.9,
      stop_sequences: ['END'],
      metadata: { user_id: 'u-1' },
      tools: [{ name: 'get', description: 'Get it', input_schema: { type: 'object' }, strict: true }],
      tool_choice: { type: 'any', disable_parallel_tool_use: true },
    })
    const tools = [{ name: 'get', parameters: { type: 'object' }, strict: false }]
    expect(convert({ tools }).body.tools).toEqual([{ name: 'get', input_schema: { type: 'object' } }])
    expect(convert({ tools, toolChoice: { type: 'none' }, parallelToolCalls: false }).body.tool_choice).toEqual({ type: 'none' })
    expect(convert({ tools, toolChoice: { type: 'tool', name: 'get' } }).body.tool_choice).toEqual({ type: 'tool', name: 'get' })
    expect(convert({ tools, parallelToolCalls: false }).body.tool_choice).toEqual({ type: 'auto', disable_parallel_tool_use: true })
    expect(convert({ tools, parallelToolCalls: true }).body.tool_choice).toBeUndefined()
  })

  test('reasoning effort → thinking budget; max_tokens raised above it (warned only when the client set it)', () => {
    expect(convert({ reasoning: { effort: 'low' }, maxOutputTokens: 2000 })).toMatchObject({ body: { max_tokens: 2000, thinking: { type: 'enabled', budget_tokens: 1024 } } })
    expect(convert({ reasoning: { effort: 'medium' } }).body).toMatchObject({ max_tokens: 8192, thinking: { type: 'enabled', budget_tokens: 4096 } })
    const high = convert({ reasoning: { effort: 'high' }, maxOutputTokens: 1000 })
    expect(high.body).toMatchObject({ max_tokens: 17384, thinking: { type: 'enabled', budget_tokens: 16384 } })
    expect(high.warnings).toEqual([{ param: 'max_tokens', message: "raised from 1000 to 17384 to leave room for the 16384-token thinking budget of reasoning effort 'high'" }])
    const fromDefault = convert({ reasoning: { effort: 'high' } })
    expect([fromDefault.body.max_tokens, fromDefault.warnings]).toEqual([8192 + 16384, undefined])
  })

  test('explicit budgets, disabled, none and adaptive', () => {
    expect(convert({ reasoning: { budgetTokens: 2048 }, maxOutputTokens: 1000 }).body).toMatchObject({ max_tokens: 1000, thinking: { type: 'enabled', budget_tokens: 2048 } })
    expect(convert({ reasoning: { disabled: true } }).body.thinking).toEqual({ type: 'disabled' })
    expect(convert({ reasoning: { effort: 'none' } }).body.thinking).toEqual({ type: 'disabled' })
    expect(convert({ reasoning: { adaptive: true } }).body.thinking).toEqual({ type: 'adaptive' })
    expect(convert({ reasoning: { summary: 'auto' } }).body.thinking).toBeUndefined()
  })

  test('response formats: json_schema native; json_object by system instruction with a warning', () => {
    const schema = { type: 'object', properties: { a: { type: 'number' } } }
    expect(convert({ responseFormat: { type: 'json_schema', name: 'x', schema, strict: true } }).body.output_config).toEqual({ format: { type: 'json_schema', schema } })
    const json = convert({ responseFormat: { type: 'json_object' }, system: [{ type: 'text', text: 'Be terse.' }] })
    expect(json.body.system).toEqual([{ type: 'text', text: 'Be terse.' }, { type: 'text', text: JSON_OBJECT_INSTRUCTION }])
    expect(json.warnings).toEqual([{ param: 'response_format', message: 'json_object has no Anthropic equivalent; JSON was requested with a system instruction' }])
    expect(convert({ responseFormat: { type: 'text' } }).body.output_config).toBeUndefined()
  })

  test('n > 1 is refused; seed and penalties are warnings', () => {
    const error = errorOf(() => convert({ choices: 3 }))
    expect([error.status, error.param]).toEqual([400, 'n'])
    expect(convert({ choices: 1 }).warnings).toBeUndefined()
    expect(convert({ seed: 7, frequencyPenalty: 0.5, presencePenalty: 0.1 }).warnings?.map((warning) => warning.param)).toEqual(['seed', 'frequency_penalty', 'presence_penalty'])
  })

  test('extra merges last: objects shallow-merged, server tools after custom tools, the rest verbatim', () => {
    const { body } = convert({
      tools: [{ name: 'get', parameters: { type: 'object' } }],
      user: 'u-1',
      responseFormat: { type: 'json_schema', schema: { type: 'object' } },
      extra: {
        'anthropic-messages': { tools: [{ type: 'web_search_20250305', name: 'web_search' }], output_config: { effort: 'low' }, metadata: { tag: 't' }, service_tier: 'auto' },
        'openai-chat': { logprobs: true },
      },
    })
    expect(body.tools).toEqual([{ name: 'get', input_schema: { type: 'object' } }, { type: 'web_search_20250305', name: 'web_search' }])
    expect(body.output_config).toEqual({ format: { type: 'json_schema', schema: { type: 'object' } }, effort: 'low' })
    expect(body.metadata).toEqual({ user_id: 'u-1', tag: 't' })
    expect(body.service_tier).toBe('auto')
    expect(body.logprobs).toBeUndefined()
  })
})

describe('convertToAnthropicRequest: messages', () => {
  test('tool results join user turns as tool_result blocks; consecutive same-role turns merge', () => {
    const { body } = convert({
      messages: [
        hello,
        { role: 'assistant', content: [{ type: 'text', text: '' }, { type: 'tool-call', id: 'call_1', name: 'get', arguments: '{"q":1}' }, { type: 'tool-call', id: 'call_2', name: 'get', arguments: '' }] },
        { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'call_1', name: 'get', content: 'one' }] },
        { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'call_2', content: [{ type: 'text', text: 'two' }, { type: 'image', source: { kind: 'url', url: 'https://x/i.png' } }], isError: true }] },
        { role: 'user', content: [{ type: 'text', text: 'thanks' }] },
      ],
    })
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'call_1', name: 'get', input: { q: 1 } }, { type: 'tool_use', id: 'call_2', name: 'get', input: {} }] },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'call_1', content: 'one' },
          { type: 'tool_result', tool_use_id: 'call_2', content: [{ type: 'text', text: 'two' }, { type: 'image', source: { type: 'url', url: 'https://x/i.png' } }], is_error: true },
          { type: 'text', text: 'thanks' },
        ],
      },
    ])
  })

  test('invalid tool-call arguments → 400 naming the part', () => {
    const error = errorOf(() => convert({ messages: [hello, { role: 'assistant', content: [{ type: 'tool-call', id: 'c', name: 'get', arguments: '{"q":' }] }] }))
    expect([error.status, error.param]).toEqual([400, 'messages.1.content.0.arguments'])
    expect(errorOf(() => convert({ messages: [hello, { role: 'assistant', content: [{ type: 'tool-call', id: 'c', name: 'get', arguments: '[1]' }] }] })).param).toBe('messages.1.content.0.arguments')
  })

  test('reasoning: Anthropic-signed kept, foreign or unsigned dropped (the turn goes if nothing is left)', () => {
    const { body } = convert({
      messages: [
        hello,
        {
          role: 'assistant',
          content: [
            { type: 'reasoning', text: 'mine', signature: 'EqQB', provider: 'anthropic' },
            { type: 'reasoning', text: '', redactedData: 'EmwK', provider: 'anthropic' },
            { type: 'reasoning', text: 'theirs', encryptedContent: 'gAAA', provider: 'openai' },
            { type: 'reasoning', text: 'unsigned', provider: 'anthropic' },
            { type: 'text', text: 'answer' },
          ],
        },
        { role: 'user', content: [{ type: 'text', text: 'next' }] },
        { role: 'assistant', content: [{ type: 'reasoning', text: 'only foreign', provider: 'openai' }] },
        { role: 'user', content: [{ type: 'text', text: 'again' }] },
      ],
    })
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
      { role: 'assistant', content: [{ type: 'thinking', thinking: 'mine', signature: 'EqQB' }, { type: 'redacted_thinking', data: 'EmwK' }, { type: 'text', text: 'answer' }] },
      { role: 'user', content: [{ type: 'text', text: 'next' }, { type: 'text', text: 'again' }] },
    ])
  })

  test('media: images, pdf and text files as documents, file ids; audio refused', () => {
    const { body } = convert({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { kind: 'base64', mediaType: 'image/png', data: 'iVBO' }, detail: 'high' },
            { type: 'file', source: { kind: 'base64', mediaType: 'application/pdf', data: 'JVBE' }, filename: 'report.pdf' },
            { type: 'file', source: { kind: 'base64', mediaType: 'text/plain', data: Buffer.from('naïve ✓').toString('base64') } },
            { type: 'file', source: { kind: 'file-id', fileId: 'file_01' } },
          ],
        },
      ],
    })
    expect((body.messages as any)[0].content).toEqual([
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBO' } },
      { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBE' }, title: 'report.pdf' },
      { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'naïve ✓' } },
      { type: 'document', source: { type: 'file', file_id: 'file_01' } },
    ])
    const error = errorOf(() => convert({ messages: [{ role: 'user', content: [{ type: 'audio', data: 'UklG', format: 'wav' }] }] }))
    expect([error.status, error.param]).toEqual([400, 'messages.0.content.0'])
  })

  test('system: one plain part is a string; cache_control makes blocks; later system messages move up with a warning', () => {
    expect(convert({ system: [{ type: 'text', text: 'Be brief.' }] }).body.system).toBe('Be brief.')
    const converted = convert({
      system: [{ type: 'text', text: 'Long prompt', providerData: { anthropic: { cache_control: { type: 'ephemeral' } } } }],
      messages: [hello, { role: 'system', content: [{ type: 'text', text: 'Now in French.' }] }, { role: 'user', content: [{ type: 'text', text: 'again' }] }],
    })
    expect(converted.body.system).toEqual([
      { type: 'text', text: 'Long prompt', cache_control: { type: 'ephemeral' } },
      { type: 'text', text: 'Now in French.' },
    ])
    expect(converted.body.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'hi' }, { type: 'text', text: 'again' }] }])
    expect(converted.warnings).toEqual([{ param: 'messages.1', message: 'moved to the system prompt (Anthropic has no system messages inside the conversation)' }])
  })

  test('provider blocks of other providers are left out', () => {
    const { body } = convert({ messages: [{ role: 'user', content: [{ type: 'provider-block', provider: 'gemini', block: { type: 'x' } }, { type: 'text', text: 'hi' }] }] })
    expect(body.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'hi' }] }])
  })
})
