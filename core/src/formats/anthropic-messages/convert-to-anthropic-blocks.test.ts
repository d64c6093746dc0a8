import { describe, expect, test } from 'bun:test'
import { parseToolInput, toAnthropicReasoningBlock, toAnthropicTextBlock } from './convert-to-anthropic-blocks'

describe('canonical → Anthropic blocks', () => {
  test('text block gets its Anthropic fields back; they cannot override type/text', () => {
    expect(toAnthropicTextBlock({ type: 'text', text: 'a', providerData: { anthropic: { cache_control: { type: 'ephemeral' }, text: 'evil' } } })).toEqual({
      type: 'text',
      text: 'a',
      cache_control: { type: 'ephemeral' },
    })
  })

  test('reasoning: only Anthropic-minted state with a signature or redacted data', () => {
    expect(toAnthropicReasoningBlock({ type: 'reasoning', text: 't', signature: 'sig', provider: 'anthropic' })).toEqual({ type: 'thinking', thinking: 't', signature: 'sig' })
    expect(toAnthropicReasoningBlock({ type: 'reasoning', text: '', redactedData: 'd', provider: 'anthropic' })).toEqual({ type: 'redacted_thinking', data: 'd' })
    expect(toAnthropicReasoningBlock({ type: 'reasoning', text: 't', signature: 'sig', provider: 'openai' })).toBeUndefined()
    expect(toAnthropicReasoningBlock({ type: 'reasoning', text: 't', provider: 'anthropic' })).toBeUndefined()
  })

  test('parseToolInput: objects only; empty means no arguments', () => {
    expect(parseToolInput('{"a":1}')).toEqual({ a: 1 })
    expect(parseToolInput('  ')).toEqual({})
    expect(parseToolInput('[1]')).toBeUndefined()
    expect(parseToolInput('{"a":')).toBeUndefined()
    expect(parseToolInput('null')).toBeUndefined()
  })
})
