import { expect, test } from 'bun:test'
import { geminiDialect } from './index'

test('the dialect wires its parts under the id gemini; the URL names the model and the stream', () => {
  const target = geminiDialect.readTarget!({}, { url: 'http://gateway/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse', params: { target: 'gemini-2.5-flash:streamGenerateContent' } })
  const request = geminiDialect.toCanonical({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }] }, new Headers(), target)
  expect(request).toEqual({ model: 'gemini-2.5-flash', messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], stream: true, extra: {} })
  expect(geminiDialect.id).toBe('gemini')
  const renderContext = { model: target.model, requestId: 'r', includeUsage: target.includeUsage, options: target.options }
  expect(geminiDialect.createStreamRenderer(renderContext).contentType).toBe('text/event-stream; charset=utf-8')
  expect(geminiDialect.createTap(renderContext).tap({ data: '{"candidates": [{"finishReason": "STOP"}]}' })).toEqual({ done: true })
})
