import { describe, expect, test } from 'bun:test'
import type { CanonicalRequest } from '@tollgate/core'
import { convertToOpenAIChatRequest } from './convert-to-openai-chat-request'

/** A tool loop whose assistant turn thought first (DeepSeek-minted text, then Anthropic-minted signed thinking). */
const request: CanonicalRequest = {
  model: 'any',
  messages: [
    { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] },
    {
      role: 'assistant',
      content: [
        { type: 'reasoning', text: 'I should call the tool. ' },
        { type: 'reasoning', text: 'Paris it is.', signature: 'sig-1', provider: 'anthropic' },
        { type: 'tool-call', id: 'call_1', name: 'weather', arguments: '{"city":"Paris"}' },
      ],
    },
    { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'call_1', content: 'sunny' }] },
  ],
  stream: false,
  extra: {},
}
const context = { modelId: 'deepseek-v4-flash' }
const toolCalls = [{ id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } }]

describe('convertToOpenAIChatRequest: reasoningHistory option (for OpenAI-compatible servers)', () => {
  test('default (OpenAI): reasoning of earlier turns is dropped', () => {
    expect(convertToOpenAIChatRequest(request, context).body.messages).toEqual([
      { role: 'user', content: 'Weather in Paris?' },
      { role: 'assistant', tool_calls: toolCalls },
      { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
    ])
  })

  test('reasoning_content: the reasoning text goes back on the assistant message (DeepSeek tool loops)', () => {
    const messages = convertToOpenAIChatRequest(request, context, { reasoningHistory: 'reasoning_content' }).body.messages as unknown[]
    expect(messages[1]).toEqual({ role: 'assistant', reasoning_content: 'I should call the tool. Paris it is.', tool_calls: toolCalls })
  })

  test('reasoning_details: text plus per-block details with signature and format (OpenRouter)', () => {
    const messages = convertToOpenAIChatRequest(request, context, { reasoningHistory: 'reasoning_details' }).body.messages as unknown[]
    expect(messages[1]).toEqual({
      role: 'assistant',
      reasoning_content: 'I should call the tool. Paris it is.',
      reasoning_details: [
        { type: 'reasoning.text', text: 'I should call the tool. ', format: 'unknown', index: 0 },
        { type: 'reasoning.text', text: 'Paris it is.', signature: 'sig-1', format: 'anthropic-claude-v1', index: 1 },
      ],
      tool_calls: toolCalls,
    })
  })

  test('an assistant turn without reasoning is unchanged in every mode', () => {
    const plain: CanonicalRequest = { ...request, messages: [{ role: 'assistant', content: [{ type: 'text', text: 'Hi' }] }] }
    for (const reasoningHistory of ['drop', 'reasoning_content', 'reasoning_details'] as const) {
      expect(convertToOpenAIChatRequest(plain, context, { reasoningHistory }).body.messages).toEqual([{ role: 'assistant', content: 'Hi' }])
    }
  })
})
