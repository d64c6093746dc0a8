import { describe, expect, test } from 'bun:test'
import { GatewayError } from '../../errors/gateway-error'
import { parseSse } from '../../sse/sse-parser'
import { convertGeminiModelParts, type GeminiModelPartsOptions } from './convert-gemini-model-parts'
import { wrapForeignReasoning } from './gemini-reasoning-envelope'
import { mintGeminiToolCallId } from './gemini-tool-call-id'
import { normalizeGeminiKeys } from './normalize-gemini-keys'
import parallelCalls from './fixtures/parallel-function-calls.response.json'
import replayed from './fixtures/stream-after-function-response.request.json'
import jsonArrayAfterResponse from './fixtures/stream-json-array-after-function-response.request.json'
import thinking from './fixtures/thinking.response.json'

const answer: GeminiModelPartsOptions = { mintId: (ordinal) => mintGeminiToolCallId('resp', ordinal), keepEmptyText: false }
const history: GeminiModelPartsOptions = { mintId: (ordinal) => mintGeminiToolCallId('h1', ordinal), keepEmptyText: true }
const vertexText = JSON.parse(parseSse(await Bun.file(new URL('./fixtures/vertex-stream-text.sse', import.meta.url)).text())[0].data)

describe('convertGeminiModelParts', () => {
  test('thought part, then the answer text carrying the signature (gemini-3-pro-preview, thinking.response.json)', () => {
    const [thought, answerText] = thinking.candidates[0].content.parts
    expect(convertGeminiModelParts(thinking.candidates[0].content.parts, 'parts', answer)).toEqual([
      { type: 'reasoning', text: thought.text, provider: 'gemini' },
      { type: 'reasoning', text: '', encryptedContent: answerText.thoughtSignature, provider: 'gemini' },
      { type: 'text', text: answerText.text },
    ])
  })

  test('parallel function calls without ids: minted ids, the signature linked to the first call (parallel-function-calls)', () => {
    const parts = parallelCalls.candidates[0].content.parts
    expect(convertGeminiModelParts(parts, 'parts', answer)).toEqual([
      { type: 'reasoning', text: '', encryptedContent: parts[0].thoughtSignature, provider: 'gemini', id: 'gemini_resp_0' },
      { type: 'tool-call', id: 'gemini_resp_0', name: 'generate_topic', arguments: '{}' },
      { type: 'tool-call', id: 'gemini_resp_1', name: 'generate_topic', arguments: '{}' },
      { type: 'tool-call', id: 'gemini_resp_2', name: 'generate_topic', arguments: '{}' },
    ])
  })

  test('history: the url-safe signature the SDK re-sent is normalised; the call keeps its client id', () => {
    const parts = convertGeminiModelParts(replayed.contents[1].parts, 'contents.1.parts', history)
    expect(parts[0]).toMatchObject({ type: 'reasoning', id: 'pyd_ai_29bf73b69e02448588e15893d47a3e7e', provider: 'gemini' })
    expect((parts[0] as { encryptedContent: string }).encryptedContent).not.toMatch(/[-_]/)
    expect(parts[1]).toEqual({ type: 'tool-call', id: 'pyd_ai_29bf73b69e02448588e15893d47a3e7e', name: 'get_country', arguments: '{}' })
  })

  test('history keeps empty text parts (snake_case function_call normalised first)', () => {
    const model = normalizeGeminiKeys(jsonArrayAfterResponse).contents[1]
    const signature = (model.parts![1] as { thoughtSignature: string }).thoughtSignature
    expect(convertGeminiModelParts(model.parts, 'contents.1.parts', history)).toEqual([
      { type: 'text', text: '' },
      { type: 'reasoning', text: '', encryptedContent: signature, provider: 'gemini', id: 'gemini_h1_0' },
      { type: 'tool-call', id: 'gemini_h1_0', name: 'multiply', arguments: '{"y":3,"x":5}' },
    ])
  })

  test('a text part with its signature (Vertex), unknown part fields and parts without canonical form', () => {
    const [part] = vertexText.candidates[0].content.parts
    expect(convertGeminiModelParts([part, { executableCode: { language: 'PYTHON', code: 'print(1)' } }, { text: 'x', partMetadata: { a: 1 } }], 'parts', answer)).toEqual([
      { type: 'reasoning', text: '', encryptedContent: part.thoughtSignature, provider: 'gemini' },
      { type: 'text', text: 'OK' },
      { type: 'provider-block', provider: 'gemini', block: { executableCode: { language: 'PYTHON', code: 'print(1)' } } },
      { type: 'text', text: 'x', providerData: { gemini: { partMetadata: { a: 1 } } } },
    ])
  })

  test("another provider's reasoning comes back from its envelope, with the thought texts streamed before it", () => {
    const envelope = wrapForeignReasoning({ type: 'reasoning', text: 'ignored', signature: 'EqQBsig', provider: 'anthropic' })!
    const parts = [{ text: 'Let me ', thought: true }, { text: 'think.', thought: true }, { text: '', thought: true, thoughtSignature: envelope }, { text: 'Answer' }]
    expect(convertGeminiModelParts(parts, 'parts', history)).toEqual([
      { type: 'reasoning', text: 'Let me think.', provider: 'anthropic', signature: 'EqQBsig' },
      { type: 'text', text: 'Answer' },
    ])
  })

  test('bad parts are a 400 naming the param', () => {
    const reject = (parts: unknown) => {
      try {
        convertGeminiModelParts(parts, 'contents.1.parts', history)
      } catch (error) {
        return error instanceof GatewayError ? [error.status, error.param] : error
      }
    }
    expect(reject('x')).toEqual([400, 'contents.1.parts'])
    expect(reject([{ functionCall: { args: {} } }])).toEqual([400, 'contents.1.parts.0.functionCall.name'])
    expect(reject([{ functionCall: { name: 'f', args: [1] } }])).toEqual([400, 'contents.1.parts.0.functionCall.args'])
    expect(reject([{ text: 'x', thoughtSignature: 5 }])).toEqual([400, 'contents.1.parts.0.thoughtSignature'])
  })
})
