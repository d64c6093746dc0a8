import { describe, expect, test } from 'bun:test'
import { mapAnthropicStopReason, toAnthropicStopReason } from './map-anthropic-stop-reason'

describe('stop reasons', () => {
  test('Anthropic → canonical', () => {
    const reasons = ['end_turn', 'stop_sequence', 'max_tokens', 'tool_use', 'refusal', 'pause_turn', 'model_context_window_exceeded', 'something_new', null]
    expect(reasons.map(mapAnthropicStopReason)).toEqual(['stop', 'stop-sequence', 'length', 'tool-calls', 'refusal', 'pause', 'length', 'other', 'other'])
    expect(mapAnthropicStopReason('constructor')).toBe('other')
  })

  test('canonical → Anthropic', () => {
    const reasons = ['stop', 'stop-sequence', 'length', 'tool-calls', 'content-filter', 'refusal', 'pause', 'error', 'other'] as const
    expect(reasons.map((reason) => toAnthropicStopReason(reason))).toEqual([
      'end_turn',
      'stop_sequence',
      'max_tokens',
      'tool_use',
      'refusal',
      'refusal',
      'pause_turn',
      'end_turn',
      'end_turn',
    ])
  })

  test('an Anthropic raw reason is kept when it maps to the same canonical reason', () => {
    expect(toAnthropicStopReason('length', 'model_context_window_exceeded')).toBe('model_context_window_exceeded')
    expect(toAnthropicStopReason('length', 'length')).toBe('max_tokens') // OpenAI's raw reason
    expect(toAnthropicStopReason('stop', 'max_tokens')).toBe('end_turn') // inconsistent raw reason ignored
  })
})
