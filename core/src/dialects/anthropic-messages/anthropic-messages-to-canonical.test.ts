import { describe, expect, test } from 'bun:test'
import { GatewayError } from '../../errors/gateway-error'
import { anthropicMessagesToCanonical } from './anthropic-messages-to-canonical'

const fixture = (name: string) => Bun.file(new URL(`./fixtures/${name}`, import.meta.url)).json()
const noHeaders = new Headers()
const user = (text: string) => ({ role: 'user', content: text })

function errorOf(body: unknown): GatewayError {
  try {
    anthropicMessagesToCanonical(body, noHeaders)
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError)
    expect((error as GatewayError).status).toBe(400)
    return error as GatewayError
  }
  throw new Error('expected a 400')
}

describe('anthropicMessagesToCanonical: recorded requests', () => {
  test('thinking replayed in history: reasoning with its exact signature, budget → reasoning', async () => {
    const body = await fixture('thinking-replayed-history.request.json')
    const request = anthropicMessagesToCanonical(body, noHeaders)
    const [thinking, text] = body.messages[1].content
    expect(request).toEqual({
      model: 'claude-sonnet-4-5',
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'How do I cross the street?' }] },
        {
          role: 'assistant',
          content: [
            { type: 'reasoning', text: thinking.thinking, signature: thinking.signature, provider: 'anthropic' },
            { type: 'text', text: text.text },
          ],
        },
        { role: 'user', content: [{ type: 'text', text: body.messages[2].content[0].text }] },
      ],
      reasoning: { budgetTokens: 1024 },
      maxOutputTokens: 4096,
      stream: false,
      extra: {},
    })
  })

  test('parallel tool results: system string, tool calls as JSON text, results in a tool message', async () => {
    const body = await fixture('parallel-tool-results.request.json')
    const request = anthropicMessagesToCanonical(body, noHeaders)
    expect(request.system).toEqual([{ type: 'text', text: body.system }])
    expect(request.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'tool'])
    expect(request.messages[1].content[1]).toEqual({ type: 'tool-call', id: 'toolu_0167cfEnoQaPviGdVXA95zcu', name: 'retrieve_entity_info', arguments: '{"name":"Alice"}' })
    expect(request.messages[2].content).toEqual([
      { type: 'tool-result', toolCallId: 'toolu_0167cfEnoQaPviGdVXA95zcu', content: "alice is bob's wife", isError: false },
      { type: 'tool-result', toolCallId: 'toolu_01EEe2V5HD1Ac4rKiUR4HD2T', content: "bob is alice's husband", isError: false },
      { type: 'tool-result', toolCallId: 'toolu_01XFyAjstT3966qvRynZyVPo', content: "charlie is alice's son", isError: false },
      { type: 'tool-result', toolCallId: 'toolu_013mnQZbgtK2oe3Mo3XKJsx3', content: "daisy is bob's daughter and charlie's younger sister", isError: false },
    ])
    expect(request.tools).toEqual([{ name: 'retrieve_entity_info', description: 'Get the knowledge about the given entity.', parameters: body.tools[0].input_schema }])
    expect(request.toolChoice).toEqual({ type: 'auto' })
  })

  test('tool result holding an image', async () => {
    const request = anthropicMessagesToCanonical(await fixture('tool-result-with-image.request.json'), noHeaders)
    expect(request.messages[2]).toEqual({
      role: 'tool',
      content: [{ type: 'tool-result', toolCallId: 'toolu_01XBL6B2Z996VStAuNCQapHS', content: [{ type: 'image', source: { kind: 'url', url: 'https://www.gstatic.com/webp/gallery3/1.png' } }], isError: false }],
    })
  })

  test('server tools stay in extra verbatim; canonical tools only hold custom tools', async () => {
    const search = anthropicMessagesToCanonical(await fixture('stream-web-search-citations.request.json'), noHeaders)
    expect(search.tools).toBeUndefined()
    expect(search.extra).toEqual({ 'anthropic-messages': { tools: [{ type: 'web_search_20250305', name: 'web_search' }] } })
    const code = anthropicMessagesToCanonical(await fixture('stream-server-tool-code-execution.request.json'), noHeaders)
    expect(code.extra['anthropic-messages'].tools).toEqual([{ name: 'code_execution', type: 'code_execution_20260120' }])
    expect(code.toolChoice).toEqual({ type: 'auto' })
  })

  test('unmapped fields go to extra verbatim (top-level cache_control, output_config.effort)', async () => {
    expect(anthropicMessagesToCanonical(await fixture('cache-read.request.json'), noHeaders).extra).toEqual({ 'anthropic-messages': { cache_control: { ttl: '5m', type: 'ephemeral' } } })
    expect(anthropicMessagesToCanonical(await fixture('error-400-invalid-request.request.json'), noHeaders).extra).toEqual({ 'anthropic-messages': { output_config: { effort: 'xhigh' } } })
  })

  test('output_config.format json_schema → responseFormat', async () => {
    const body = await fixture('json-schema-output.request.json')
    const request = anthropicMessagesToCanonical(body, noHeaders)
    expect(request.responseFormat).toEqual({ type: 'json_schema', schema: body.output_config.format.schema })
    expect(request.extra).toEqual({})
  })

  test('pdf document and base64 image', async () => {
    const pdf = await fixture('document-pdf-base64.request.json')
    const [, document] = anthropicMessagesToCanonical(pdf, noHeaders).messages[0].content
    expect(document).toEqual({ type: 'file', source: { kind: 'base64', mediaType: 'application/pdf', data: pdf.messages[0].content[1].source.data }, mediaType: 'application/pdf' })
    const image = await fixture('stream-image-base64.request.json')
    const request = anthropicMessagesToCanonical(image, noHeaders)
    expect(request.messages[0].content[0]).toEqual({ type: 'image', source: { kind: 'base64', mediaType: 'image/png', data: image.messages[0].content[0].source.data } })
    expect([request.stream, request.temperature, request.maxOutputTokens]).toEqual([true, 1, 8192])
  })

  test('adaptive thinking', async () => {
    expect(anthropicMessagesToCanonical(await fixture('stream-adaptive-thinking.request.json'), noHeaders).reasoning).toEqual({ adaptive: true })
  })
})

describe('anthropicMessagesToCanonical: shapes', () => {
  test('a user turn mixing text and tool results splits into user / tool / user, in order', () => {
    const request = anthropicMessagesToCanonical(
      {
        model: 'm',
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'tool_result', tool_use_id: 't1', content: '1' }, { type: 'tool_result', tool_use_id: 't2' }, { type: 'text', text: 'b' }] },
        ],
      },
      noHeaders,
    )
    expect(request.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'a' }] },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 't1', content: '1' }, { type: 'tool-result', toolCallId: 't2', content: '' }] },
      { role: 'user', content: [{ type: 'text', text: 'b' }] },
    ])
  })

  test('role "system" inside messages: leading ones extend the system prompt, later ones stay in place', () => {
    const request = anthropicMessagesToCanonical(
      { model: 'm', system: 'top', messages: [{ role: 'system', content: 'lead' }, user('hi'), { role: 'system', content: [{ type: 'text', text: 'mid' }] }, user('again')] },
      noHeaders,
    )
    expect(request.system).toEqual([{ type: 'text', text: 'top' }, { type: 'text', text: 'lead' }])
    expect(request.messages.map((message) => message.role)).toEqual(['user', 'system', 'user'])
    expect(request.messages[1]).toEqual({ role: 'system', content: [{ type: 'text', text: 'mid' }] })
  })

  test('system blocks keep cache_control; unknown assistant blocks are provider blocks', () => {
    const serverToolUse = { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: { query: 'q' } }
    const request = anthropicMessagesToCanonical(
      { model: 'm', system: [{ type: 'text', text: 's', cache_control: { type: 'ephemeral' } }], messages: [user('q'), { role: 'assistant', content: [serverToolUse] }] },
      noHeaders,
    )
    expect(request.system).toEqual([{ type: 'text', text: 's', providerData: { anthropic: { cache_control: { type: 'ephemeral' } } } }])
    expect(request.messages[1].content).toEqual([{ type: 'provider-block', provider: 'anthropic', block: serverToolUse }])
  })

  test('tools: custom fields in providerData, server tools apart; tool_choice and parallel calls', () => {
    const request = anthropicMessagesToCanonical(
      {
        model: 'm',
        messages: [user('q')],
        tools: [
          { name: 'a', input_schema: { type: 'object' }, cache_control: { type: 'ephemeral' }, strict: true },
          { type: 'web_fetch_20250910', name: 'web_fetch', max_uses: 2 },
          { type: 'custom', name: 'b', input_schema: { type: 'object' } },
        ],
        tool_choice: { type: 'any', disable_parallel_tool_use: true },
      },
      noHeaders,
    )
    expect(request.tools).toEqual([
      { name: 'a', parameters: { type: 'object' }, strict: true, providerData: { anthropic: { cache_control: { type: 'ephemeral' } } } },
      { name: 'b', parameters: { type: 'object' }, providerData: { anthropic: { type: 'custom' } } },
    ])
    expect(request.extra['anthropic-messages'].tools).toEqual([{ type: 'web_fetch_20250910', name: 'web_fetch', max_uses: 2 }])
    expect([request.toolChoice, request.parallelToolCalls]).toEqual([{ type: 'required' }, false])
    const choose = (tool_choice: unknown) => anthropicMessagesToCanonical({ model: 'm', messages: [user('q')], tool_choice }, noHeaders)
    expect(choose({ type: 'tool', name: 'a' }).toolChoice).toEqual({ type: 'tool', name: 'a' })
    expect(choose({ type: 'none' }).toolChoice).toEqual({ type: 'none' })
    expect(choose({ type: 'auto', disable_parallel_tool_use: false }).parallelToolCalls).toBe(true)
  })

  test('thinking disabled, legacy output_format, sampling, metadata, anthropic-beta header', () => {
    const schema = { type: 'object' }
    const request = anthropicMessagesToCanonical(
      {
        model: 'm',
        messages: [user('q')],
        thinking: { type: 'disabled' },
        output_format: { type: 'json_schema', schema },
        top_p: 0.9,
        top_k: 5,
        stop_sequences: ['```'],
        metadata: { user_id: 'u-1', tag: 'x' },
        service_tier: 'auto',
      },
      new Headers({ 'anthropic-beta': 'structured-outputs-2025-11-13,context-1m-2025-08-07' }),
    )
    expect(request).toEqual({
      model: 'm',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'q' }] }],
      reasoning: { disabled: true },
      responseFormat: { type: 'json_schema', schema },
      topP: 0.9,
      topK: 5,
      stopSequences: ['```'],
      user: 'u-1',
      stream: false,
      extra: { 'anthropic-messages': { metadata: { tag: 'x' }, service_tier: 'auto' } },
      forwardHeaders: { 'anthropic-beta': 'structured-outputs-2025-11-13,context-1m-2025-08-07' },
    })
  })

  test('bad input → 400 with the offending param', () => {
    expect(errorOf([]).param).toBe('body')
    expect(errorOf({ messages: [user('q')] }).param).toBe('model')
    expect(errorOf({ model: 'm', messages: [] }).param).toBe('messages')
    expect(errorOf({ model: 'm', messages: [user('q'), { role: 'assistant', content: [{ text: 'x' }] }] }).param).toBe('messages.1.content.0.type')
    expect(errorOf({ model: 'm', messages: [{ role: 'bot', content: 'x' }] }).param).toBe('messages.0.role')
    expect(errorOf({ model: 'm', messages: [{ role: 'user', content: 42 }] }).param).toBe('messages.0.content')
    expect(errorOf({ model: 'm', messages: [{ role: 'system', content: [{ type: 'image', source: { type: 'url', url: 'u' } }] }] }).param).toBe('messages.0.content.0.type')
    expect(errorOf({ model: 'm', messages: [user('q')], tools: [{ input_schema: {} }] }).param).toBe('tools.0.name')
    expect(errorOf({ model: 'm', messages: [user('q')], tool_choice: { type: 'maybe' } }).param).toBe('tool_choice.type')
    expect(errorOf({ model: 'm', messages: [user('q')], thinking: { type: 'enabled' } }).param).toBe('thinking.budget_tokens')
    expect(errorOf({ model: 'm', messages: [user('q')], max_tokens: 1.5 }).param).toBe('max_tokens')
    expect(errorOf({ model: 'm', messages: [user('q')], stream: 'yes' }).param).toBe('stream')
    expect(errorOf({ model: 'm', messages: [user('q')], stop_sequences: 'x' }).param).toBe('stop_sequences')
  })
})
