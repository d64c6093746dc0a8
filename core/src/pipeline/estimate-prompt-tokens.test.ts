import { expect, test } from 'bun:test'
import type { CanonicalRequest } from '../canonical'
import { estimateEmbeddingTokens, estimatePromptTokens } from './estimate-prompt-tokens'

test('prompt estimate: 4 characters a token, 4 tokens per message and 4 for the reply, 1,000 per image', () => {
  const request: CanonicalRequest = {
    model: 'm',
    system: [{ type: 'text', text: 'Be brief.' }], // 9 characters
    messages: [
      { role: 'user', content: [{ type: 'text', text: 'What is in this image?' }, { type: 'image', source: { kind: 'url', url: 'https://example.com/a.png' } }] }, // 22
      { role: 'assistant', content: [{ type: 'tool-call', id: 'c1', name: 'look', arguments: '{"x":1}' }] }, // 4 + 7
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'c1', content: 'a cat' }] }, // 5
    ],
    stream: false,
    extra: {},
  }
  // 47 characters → 12 tokens; 4 + 3 × 4 overhead; one image.
  expect(estimatePromptTokens(request)).toBe(12 + 16 + 1000)
  const withTool = { ...request, tools: [{ name: 'look', parameters: { type: 'object' } }] }
  expect(estimatePromptTokens(withTool)).toBe(Math.ceil((47 + JSON.stringify({ name: 'look', parameters: { type: 'object' } }).length) / 4) + 16 + 1000)
})

test('embedding estimate: token-id inputs exactly, texts at 4 characters a token each (rounded up per input)', () => {
  expect(estimateEmbeddingTokens({ model: 'm', inputs: [{ type: 'text', text: 'hello' }, { type: 'tokens', tokens: [1, 2, 3] }, { type: 'text', text: '' }], encoding: 'float', extra: {} })).toBe(2 + 3 + 0)
})
