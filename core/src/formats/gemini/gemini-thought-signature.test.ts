import { describe, expect, test } from 'bun:test'
import { parseSse } from '../../sse/sse-parser'
import { normalizeThoughtSignature, requiresThoughtSignatures, SKIP_THOUGHT_SIGNATURE_VALIDATOR } from './gemini-thought-signature'
import replayed from './fixtures/stream-after-function-response.request.json'

const streamed = parseSse(await Bun.file(new URL('./fixtures/stream-function-call-thought-signature.sse', import.meta.url)).text())
const received: string = JSON.parse(streamed[0].data).candidates[0].content.parts[0].thoughtSignature

describe('normalizeThoughtSignature', () => {
  test('the url-safe signature the google-genai SDK re-sent is the one Gemini streamed', () => {
    const resent = (replayed.contents[1].parts[0] as { thoughtSignature: string }).thoughtSignature
    expect(resent).not.toBe(received)
    expect(resent).toMatch(/[-_]/)
    expect(normalizeThoughtSignature(resent)).toBe(received)
  })

  test('standard base64 is unchanged; missing padding is restored; placeholders and non-base64 stay', () => {
    expect(normalizeThoughtSignature(received)).toBe(received)
    expect(normalizeThoughtSignature('YWJj-_')).toBe('YWJj+/==')
    expect(normalizeThoughtSignature('YWI')).toBe('YWI=')
    expect(normalizeThoughtSignature(SKIP_THOUGHT_SIGNATURE_VALIDATOR)).toBe(SKIP_THOUGHT_SIGNATURE_VALIDATOR)
    expect(normalizeThoughtSignature('not base64!')).toBe('not base64!')
  })

  test('Gemini 3 and later validate signatures on function calls', () => {
    expect(['gemini-3-pro-preview', 'models/gemini-3-flash-preview', 'gemini-2.5-flash', 'gemma-3-27b-it', 'gemini-flash-latest', 'gemini-10-ultra'].map(requiresThoughtSignatures)).toEqual([
      true, true, false, false, false, true,
    ])
  })
})
