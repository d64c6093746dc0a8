import { describe, expect, test } from 'bun:test'
import type { AssistantPart, CanonicalResponse } from '../../canonical'
import type { StreamEvent } from '../../canonical/stream-event'
import { parseSse } from '../../sse/sse-parser'
import { createGeminiStreamRenderer } from './gemini-stream-renderer'
import { geminiToCanonical } from './gemini-to-canonical'
import { renderGeminiResponse } from './render-gemini-response'

const context = { model: 'claude-sonnet-4-5', requestId: 'r', includeUsage: true, options: { streamFormat: 'sse' } }
const usage = { input: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 }, output: { total: 5, text: 5, reasoning: 0 } }
const target = { model: 'claude-sonnet-4-5', stream: false, includeUsage: true }

/** An Anthropic answer: thinking with its signature, redacted thinking, text, a tool call. */
const content: AssistantPart[] = [
  { type: 'reasoning', text: 'The user wants the weather.', signature: 'EqQBCkYIARgCKkD+sig/==', provider: 'anthropic' },
  { type: 'reasoning', text: '', redactedData: 'EmwKAhgBEgy3va3pzix', provider: 'anthropic' },
  { type: 'text', text: 'Let me check.' },
  { type: 'tool-call', id: 'toolu_01A', name: 'weather', arguments: '{"city":"Paris"}' },
]

/** The next request of a Gemini client: its history (model contents as it kept them) and the function response. */
function nextTurn(modelContents: unknown[]) {
  const contents = [
    { role: 'user', parts: [{ text: 'Weather in Paris?' }] },
    ...modelContents,
    { role: 'user', parts: [{ functionResponse: { name: 'weather', response: { temp: 21 } } }] },
  ]
  return geminiToCanonical({ contents }, new Headers(), target).messages
}

describe("another provider's reasoning survives a Gemini client", () => {
  test('non-stream: thinking and redacted thinking come back intact, the call keeps its id', () => {
    const response: CanonicalResponse = { id: 'msg_1', model: 'claude-sonnet-4-5', created: 1, content, finishReason: 'tool-calls', rawFinishReason: 'tool_use', usage }
    const rendered = renderGeminiResponse(response, context)
    const [, assistant, tool] = nextTurn([rendered.candidates![0].content])
    expect(assistant).toEqual({ role: 'assistant', content })
    expect(tool).toEqual({ role: 'tool', content: [{ type: 'tool-result', toolCallId: 'toolu_01A', name: 'weather', content: '{"temp":21}' }] })
  })

  test('stream: a client that keeps every chunk as its own model content (as the SDKs record a stream) sends it all back intact', () => {
    const events: StreamEvent[] = [
      { type: 'response-start', id: 'msg_1', model: 'claude-sonnet-4-5', created: 1 },
      { type: 'reasoning-start', index: 0, provider: 'anthropic' },
      { type: 'reasoning-delta', index: 0, delta: 'The user wants ' },
      { type: 'reasoning-delta', index: 0, delta: 'the weather.' },
      { type: 'reasoning-signature', index: 0, signature: 'EqQBCkYIARgCKkD+sig/==' },
      { type: 'reasoning-end', index: 0 },
      { type: 'reasoning-start', index: 1, provider: 'anthropic', redactedData: 'EmwKAhgBEgy3va3pzix' },
      { type: 'reasoning-end', index: 1 },
      { type: 'text-start', index: 2 },
      { type: 'text-delta', index: 2, delta: 'Let me check.' },
      { type: 'text-end', index: 2 },
      { type: 'tool-call-start', index: 3, id: 'toolu_01A', name: 'weather' },
      { type: 'tool-call-delta', index: 3, argumentsDelta: '{"city":' },
      { type: 'tool-call-delta', index: 3, argumentsDelta: '"Paris"}' },
      { type: 'tool-call-end', index: 3 },
      { type: 'finish', finishReason: 'tool-calls', rawFinishReason: 'tool_use', usage },
    ]
    const renderer = createGeminiStreamRenderer(context)
    const chunks = parseSse(events.map((event) => renderer.render(event)).join('')).map((event) => JSON.parse(event.data))
    const [, assistant] = nextTurn(chunks.map((chunk) => chunk.candidates[0].content))
    expect(assistant).toEqual({ role: 'assistant', content: [...content.slice(0, 4), { type: 'text', text: '' }] })
  })
})
