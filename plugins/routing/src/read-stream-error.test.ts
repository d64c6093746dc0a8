import { describe, expect, test } from 'bun:test'
import { readStreamError } from './read-stream-error'

describe('readStreamError', () => {
  test('ordinary events are not errors (even when a field is named error)', () => {
    expect(readStreamError({ data: '{"choices":[{"delta":{"content":"error"}}]}' })).toBeUndefined()
    expect(readStreamError({ event: 'message_start', data: '{"type":"message_start"}' })).toBeUndefined()
    expect(readStreamError({ data: '{"choices":[],"error":null}' })).toBeUndefined()
  })

  test('Anthropic event: error with its type', () => {
    expect(readStreamError({ event: 'error', data: '{"type":"error","error":{"type":"rate_limit_error","message":"Slow"}}' })).toMatchObject({ status: 429, message: 'Slow' })
  })

  test('OpenAI data: {"error"} and Gemini numeric codes', () => {
    expect(readStreamError({ data: '{"error":{"message":"The server had an error","type":"server_error"}}' })).toMatchObject({ status: 502, type: 'upstream_error' })
    expect(readStreamError({ data: '{"error":{"code":503,"message":"UNAVAILABLE"}}' })).toMatchObject({ status: 503 })
  })

  test('our credentials rejected mid-stream is a 502, not the client’s 401', () => {
    expect(readStreamError({ data: '{"type":"error","error":{"status":401,"message":"bad key"}}' })).toMatchObject({ status: 502 })
  })

  test('an unreadable error event is still an error', () => {
    expect(readStreamError({ event: 'error', data: 'oops' })).toMatchObject({ status: 502, code: 'upstream_stream_error' })
  })
})
