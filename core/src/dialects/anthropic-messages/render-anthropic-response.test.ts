import { describe, expect, test } from 'bun:test'
import { createUsage, type CanonicalResponse } from '../../canonical'
import { renderAnthropicResponse } from './render-anthropic-response'

const context = { model: 'claude-sonnet-4-5', requestId: 'req_1', includeUsage: false }
const base: CanonicalResponse = { id: 'msg_01', model: 'claude-sonnet-4-5-20250929', created: 1, content: [], finishReason: 'stop', usage: createUsage({ noCache: 43, text: 321 }) }

describe('renderAnthropicResponse', () => {
  test('thinking with exact signature, text with citations, tool_use, provider blocks, stop reason and usage', () => {
    const searchResult = { type: 'web_search_tool_result', tool_use_id: 'srvtoolu_1', content: [] }
    const message = renderAnthropicResponse(
      {
        ...base,
        content: [
          { type: 'reasoning', text: 'hm', signature: 'Eq8CCkYI+/=', provider: 'anthropic' },
          { type: 'reasoning', text: '', redactedData: 'EmwK', provider: 'anthropic' },
          { type: 'provider-block', provider: 'anthropic', block: searchResult },
          { type: 'text', text: 'Paris', providerData: { anthropic: { citations: [{ type: 'char_location' }] } } },
          { type: 'tool-call', id: 'toolu_1', name: 'get', arguments: '{"city":"Paris"}' },
        ],
        finishReason: 'tool-calls',
        usage: createUsage({ noCache: 3, cacheRead: 1111, cacheWrite: 418, text: 33 }),
        providerData: { anthropic: { container: { id: 'c1' }, usage: { service_tier: 'standard' } } },
      },
      context,
    )
    expect(message).toEqual({
      id: 'msg_01',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5',
      content: [
        { type: 'thinking', thinking: 'hm', signature: 'Eq8CCkYI+/=' },
        { type: 'redacted_thinking', data: 'EmwK' },
        searchResult,
        { type: 'text', text: 'Paris', citations: [{ type: 'char_location' }] },
        { type: 'tool_use', id: 'toolu_1', name: 'get', input: { city: 'Paris' } },
      ],
      stop_reason: 'tool_use',
      stop_sequence: null,
      container: { id: 'c1' },
      usage: { service_tier: 'standard', input_tokens: 3, cache_creation_input_tokens: 418, cache_read_input_tokens: 1111, output_tokens: 33 },
    })
  })

  test('from another provider: msg_ id prefix, foreign reasoning as unsigned thinking, invalid arguments → {}, refusal text, other providers’ blocks left out', () => {
    const message = renderAnthropicResponse(
      {
        ...base,
        id: 'chatcmpl-9',
        content: [
          { type: 'reasoning', text: 'thought', encryptedContent: 'gAAA', provider: 'openai' },
          { type: 'reasoning', text: '', encryptedContent: 'gAAB', provider: 'openai' },
          { type: 'provider-block', provider: 'gemini', block: { type: 'x' } },
          { type: 'tool-call', id: 'call_1', name: 'make_file', arguments: '{"filename": "tax' },
        ],
        finishReason: 'length',
        rawFinishReason: 'length',
        refusal: 'No.',
      },
      context,
    )
    expect(message.id).toBe('msg_chatcmpl-9')
    expect(message.content).toEqual([
      { type: 'thinking', thinking: 'thought', signature: '' },
      { type: 'tool_use', id: 'call_1', name: 'make_file', input: {} },
      { type: 'text', text: 'No.' },
    ])
    expect([message.stop_reason, message.stop_sequence]).toEqual(['max_tokens', null])
  })

  test('stop sequence', () => {
    const message = renderAnthropicResponse({ ...base, finishReason: 'stop-sequence', rawFinishReason: 'stop_sequence', stopSequence: '```' }, context)
    expect([message.stop_reason, message.stop_sequence]).toEqual(['stop_sequence', '```'])
  })
})
