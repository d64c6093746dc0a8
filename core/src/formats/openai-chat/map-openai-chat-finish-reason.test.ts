import { expect, test } from 'bun:test'
import { mapOpenAIChatFinishReason, mapToOpenAIChatFinishReason } from './map-openai-chat-finish-reason'

test('OpenAI finish_reason -> canonical', () => {
  const mapped = ['stop', 'length', 'tool_calls', 'function_call', 'content_filter', 'something_new', null].map(mapOpenAIChatFinishReason)
  expect(mapped).toEqual(['stop', 'length', 'tool-calls', 'tool-calls', 'content-filter', 'other', 'other'])
})

test('canonical -> OpenAI finish_reason: reasons OpenAI lacks end as stop', () => {
  const reasons = ['stop', 'stop-sequence', 'length', 'tool-calls', 'content-filter', 'refusal', 'pause', 'error', 'other'] as const
  expect(reasons.map(mapToOpenAIChatFinishReason)).toEqual(['stop', 'stop', 'length', 'tool_calls', 'content_filter', 'stop', 'stop', 'stop', 'stop'])
})
