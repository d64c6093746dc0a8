import { describe, expect, test } from 'bun:test'
import { parseSse } from '../../sse/sse-parser'
import { unwrapForeignReasoning, wrapForeignReasoning } from './gemini-reasoning-envelope'
import { normalizeThoughtSignature, SKIP_THOUGHT_SIGNATURE_VALIDATOR } from './gemini-thought-signature'

const streamed = parseSse(await Bun.file(new URL('./fixtures/stream-function-call-thought-signature.sse', import.meta.url)).text())
const received: string = JSON.parse(streamed[0].data).candidates[0].content.parts[0].thoughtSignature

describe('foreign reasoning envelope', () => {
  test('an Anthropic signature and redacted thinking survive, and are told apart from Gemini signatures', () => {
    const thinking = { type: 'reasoning' as const, text: 'Let me add.', signature: 'EqQBCkYIARgCKkD+/=', provider: 'anthropic' }
    const redacted = { type: 'reasoning' as const, text: '', redactedData: 'EmwKAhgBEgy3va3pzix', provider: 'anthropic' }
    const encrypted = { type: 'reasoning' as const, text: 'Summary', encryptedContent: 'gAAAAABo', id: 'rs_1', provider: 'openai' }
    expect(unwrapForeignReasoning(wrapForeignReasoning(thinking)!)).toEqual({ provider: 'anthropic', signature: 'EqQBCkYIARgCKkD+/=' })
    expect(unwrapForeignReasoning(wrapForeignReasoning(redacted)!)).toEqual({ provider: 'anthropic', redactedData: 'EmwKAhgBEgy3va3pzix' })
    expect(unwrapForeignReasoning(wrapForeignReasoning(encrypted)!)).toEqual({ provider: 'openai', encryptedContent: 'gAAAAABo', id: 'rs_1' })
    expect(unwrapForeignReasoning(received)).toBeUndefined()
    expect(unwrapForeignReasoning(SKIP_THOUGHT_SIGNATURE_VALIDATOR)).toBeUndefined()
  })

  test('the envelope is base64 that survives the SDK url-safe round trip', () => {
    const wrapped = wrapForeignReasoning({ type: 'reasoning', text: '', signature: 'sig/with+chars', provider: 'anthropic' })!
    const urlSafe = wrapped.replace(/\+/g, '-').replace(/\//g, '_')
    expect(unwrapForeignReasoning(normalizeThoughtSignature(urlSafe))).toEqual({ provider: 'anthropic', signature: 'sig/with+chars' })
  })

  test('nothing to carry: Gemini reasoning, text-only reasoning', () => {
    expect(wrapForeignReasoning({ type: 'reasoning', text: 'x', encryptedContent: 'E', provider: 'gemini' })).toBeUndefined()
    expect(wrapForeignReasoning({ type: 'reasoning', text: 'x', provider: 'anthropic' })).toBeUndefined()
    expect(wrapForeignReasoning({ type: 'reasoning', text: 'x' })).toBeUndefined()
  })
})
