import { describe, expect, test } from 'bun:test'
import { readJsonFixture } from '../test-support/read-fixture'
import { normalizeCompatibleChunkData, normalizeCompatibleMessage, normalizeCompatibleResponse, normalizeCompatibleUsage } from './normalize-compatible-message'

describe('normalizeCompatibleMessage', () => {
  test('Mistral content parts -> reasoning_content + text (mistral-reasoning.response.json)', async () => {
    const recorded = await readJsonFixture('recorded/mistral-reasoning.response.json')
    expect(normalizeCompatibleMessage(recorded.choices[0].message)).toEqual({
      role: 'assistant',
      content: '2 + 2 = 4',
      reasoning_content: 'The user is asking for 2+2. This is basic arithmetic. 2+2=4.',
    })
  })

  test('string content and missing messages are returned as they are', () => {
    const message = { role: 'assistant', content: 'Hi' }
    expect(normalizeCompatibleMessage(message)).toBe(message)
    expect(normalizeCompatibleMessage(undefined)).toBeUndefined()
  })

  test('thinking given as a string, appended to reasoning the message already had; other part types carry no text', () => {
    const message: Record<string, unknown> = { reasoning_content: 'A. ', content: [{ type: 'thinking', thinking: 'B.' }, { type: 'image_url', image_url: 'x' }] }
    expect(normalizeCompatibleMessage(message)).toEqual({ reasoning_content: 'A. B.', content: '' })
  })
})

describe('normalizeCompatibleUsage', () => {
  const xai = { prompt_tokens: 291, completion_tokens: 26, total_tokens: 513, completion_tokens_details: { reasoning_tokens: 196 } }

  test('xAI-style usage: reasoning added back into completion_tokens', () => {
    expect(normalizeCompatibleUsage(xai, { usageExcludesReasoning: true })).toEqual({ ...xai, completion_tokens: 222 })
  })

  test('OpenAI-style usage (the default) is left alone', () => {
    expect(normalizeCompatibleUsage(xai, {})).toBe(xai)
    expect(normalizeCompatibleUsage(null, { usageExcludesReasoning: true })).toBeNull()
  })
})

describe('normalizeCompatibleChunkData', () => {
  test('an ordinary chunk is not parsed: the same string comes back', () => {
    const data = '{"choices":[{"index":0,"delta":{"content":"Hi"}}]}'
    expect(normalizeCompatibleChunkData(data, { usageExcludesReasoning: true })).toBe(data)
  })

  test('a content-array delta is normalized', () => {
    const data = '{"id":"x","choices":[{"index":0,"delta":{"content":[{"type":"text","text":"4"}]},"finish_reason":null}]}'
    expect(JSON.parse(normalizeCompatibleChunkData(data))).toEqual({ id: 'x', choices: [{ index: 0, delta: { content: '4' }, finish_reason: null }] })
  })

  test('a usage chunk is corrected only for a service that leaves reasoning out', () => {
    const data = '{"choices":[],"usage":{"prompt_tokens":1,"completion_tokens":2,"completion_tokens_details":{"reasoning_tokens":3}}}'
    expect(normalizeCompatibleChunkData(data)).toBe(data)
    expect(JSON.parse(normalizeCompatibleChunkData(data, { usageExcludesReasoning: true })).usage.completion_tokens).toBe(5)
  })

  test('text that is not JSON is left for the stream converter to report', () => {
    expect(normalizeCompatibleChunkData('{"content":[oops')).toBe('{"content":[oops')
  })
})

test('normalizeCompatibleResponse: choices and usage normalized, other fields kept', async () => {
  const recorded = await readJsonFixture('recorded/mistral-reasoning.response.json')
  const normalized = normalizeCompatibleResponse(recorded)
  expect(normalized.choices[0].message.content).toBe('2 + 2 = 4')
  expect({ ...normalized, choices: undefined }).toEqual({ ...recorded, choices: undefined })
  expect(normalizeCompatibleResponse('not an object')).toBe('not an object')
})
