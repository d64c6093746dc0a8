import { describe, expect, test } from 'bun:test'
import type { ReasoningPart } from '../../canonical/content'
import { convertOpenAIChatReasoning, convertToOpenAIChatReasoning, reasoningFormatFromProvider, reasoningProviderFromFormat } from './convert-openai-chat-reasoning'

const anthropicThinking: ReasoningPart = { type: 'reasoning', text: 'Let me add 2 and 2.', signature: 'EqQBCkYIARgCKkD', provider: 'anthropic' }
const anthropicRedacted: ReasoningPart = { type: 'reasoning', text: '', redactedData: 'EmwKAhgBEgy3va3pzix', provider: 'anthropic' }
const openaiEncrypted: ReasoningPart = { type: 'reasoning', text: 'Summary.', encryptedContent: 'gAAAAABo', id: 'rs_123', provider: 'openai' }

describe('reasoning formats', () => {
  test('format <-> provider', () => {
    expect(['anthropic-claude-v1', 'openai-responses-v1', 'google-gemini-v1', 'xai-responses-v1', 'unknown', undefined].map(reasoningProviderFromFormat)).toEqual([
      'anthropic', 'openai', 'gemini', 'xai-responses-v1', undefined, undefined,
    ])
    expect(['anthropic', 'openai', 'gemini', 'xai-responses-v1', undefined].map(reasoningFormatFromProvider)).toEqual([
      'anthropic-claude-v1', 'openai-responses-v1', 'google-gemini-v1', 'xai-responses-v1', 'unknown',
    ])
  })
})

describe('convertToOpenAIChatReasoning', () => {
  test('thinking with signature, redacted thinking and encrypted content, one index per part', () => {
    expect(convertToOpenAIChatReasoning([anthropicThinking, anthropicRedacted, openaiEncrypted])).toEqual({
      reasoning_content: 'Let me add 2 and 2.Summary.',
      reasoning_details: [
        { type: 'reasoning.text', text: 'Let me add 2 and 2.', signature: 'EqQBCkYIARgCKkD', format: 'anthropic-claude-v1', index: 0 },
        { type: 'reasoning.encrypted', data: 'EmwKAhgBEgy3va3pzix', format: 'anthropic-claude-v1', index: 1 },
        { type: 'reasoning.text', text: 'Summary.', format: 'openai-responses-v1', index: 2, id: 'rs_123' },
        { type: 'reasoning.encrypted', data: 'gAAAAABo', format: 'openai-responses-v1', index: 2, id: 'rs_123' },
      ],
    })
  })

  test('no parts -> no fields', () => {
    expect(convertToOpenAIChatReasoning([])).toEqual({})
  })
})

describe('convertOpenAIChatReasoning', () => {
  test('round trip: details -> parts reproduces signature, redacted data and encrypted content', () => {
    const parts = [anthropicThinking, anthropicRedacted, openaiEncrypted]
    const wire = convertToOpenAIChatReasoning(parts)
    expect(convertOpenAIChatReasoning(wire.reasoning_details, wire.reasoning_content)).toEqual(parts)
  })

  test('a Gemini thought signature is reasoning.encrypted with the tool call id (OpenRouter convention) and comes back', () => {
    const parts: ReasoningPart[] = [
      { type: 'reasoning', text: 'Thinking about the weather.', provider: 'gemini' },
      { type: 'reasoning', text: '', encryptedContent: 'EqUCCqICAb4+9vsh', provider: 'gemini', id: 'gemini_b36LacjwM668nsEP2tbsgQQ_0' },
    ]
    const wire = convertToOpenAIChatReasoning(parts)
    expect(wire.reasoning_details).toEqual([
      { type: 'reasoning.text', text: 'Thinking about the weather.', format: 'google-gemini-v1', index: 0 },
      { type: 'reasoning.encrypted', data: 'EqUCCqICAb4+9vsh', format: 'google-gemini-v1', index: 1, id: 'gemini_b36LacjwM668nsEP2tbsgQQ_0' },
    ])
    expect(convertOpenAIChatReasoning(wire.reasoning_details, wire.reasoning_content)).toEqual(parts)
  })

  test('streamed details accumulated by a client (many items per index) merge into one part', () => {
    const details = [
      { type: 'reasoning.text', text: 'Let me ', index: 0, format: 'anthropic-claude-v1' },
      { type: 'reasoning.text', text: 'add.', index: 0, format: 'anthropic-claude-v1' },
      { type: 'reasoning.text', text: '', signature: 'sig', index: 0, format: 'anthropic-claude-v1' },
    ]
    expect(convertOpenAIChatReasoning(details, 'Let me add.')).toEqual([{ type: 'reasoning', text: 'Let me add.', signature: 'sig', provider: 'anthropic' }])
  })

  test('reasoning_content alone (DeepSeek style) is one part without provider', () => {
    expect(convertOpenAIChatReasoning(undefined, 'Thinking...')).toEqual([{ type: 'reasoning', text: 'Thinking...' }])
    expect(convertOpenAIChatReasoning(undefined, '')).toEqual([])
    expect(convertOpenAIChatReasoning([], null)).toEqual([])
  })
})
