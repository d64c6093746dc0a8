import { describe, expect, test } from 'bun:test'
import type { AssistantPart } from '../../canonical/content'
import { GatewayError } from '../../errors/gateway-error'
import { convertGeminiModelParts } from './convert-gemini-model-parts'
import { convertToGeminiModelParts, type ToGeminiModelPartsOptions } from './convert-to-gemini-model-parts'
import { mintGeminiToolCallId } from './gemini-tool-call-id'
import { normalizeGeminiKeys } from './normalize-gemini-keys'
import parallelCalls from './fixtures/parallel-function-calls.response.json'
import jsonArrayAfterResponse from './fixtures/stream-json-array-after-function-response.request.json'
import thinking from './fixtures/thinking.response.json'

const upstream: ToGeminiModelPartsOptions = { foreignReasoning: 'drop', invalidArguments: 'reject' }
const client: ToGeminiModelPartsOptions = { foreignReasoning: 'envelope', invalidArguments: 'empty' }
const mint = (seed: string) => ({ mintId: (ordinal: number) => mintGeminiToolCallId(seed, ordinal) })
const signature = 'EqUCCqICAb4+9vsh8Pd5'

describe('convertToGeminiModelParts', () => {
  test('recorded parts come back as they were: thoughts, signatures on their part, calls without minted ids', () => {
    for (const parts of [thinking.candidates[0].content.parts, parallelCalls.candidates[0].content.parts]) {
      expect(convertToGeminiModelParts(convertGeminiModelParts(parts, 'parts', { ...mint('r'), keepEmptyText: false }), upstream)).toEqual(parts)
    }
    const model = normalizeGeminiKeys(jsonArrayAfterResponse).contents[1].parts
    expect(convertToGeminiModelParts(convertGeminiModelParts(model, 'parts', { ...mint('h1'), keepEmptyText: true }), upstream)).toEqual(model as never)
  })

  test('OpenAI Chat order (reasoning first): the linked signature finds its call, an unlinked one the next part', () => {
    const content: AssistantPart[] = [
      { type: 'reasoning', text: '', encryptedContent: 'SIG_CALL', provider: 'gemini', id: 'call_b' },
      { type: 'reasoning', text: '', encryptedContent: 'SIG_TEXT', provider: 'gemini' },
      { type: 'text', text: 'Checking.' },
      { type: 'tool-call', id: 'call_a', name: 'f', arguments: '{"x":1}' },
      { type: 'tool-call', id: 'call_b', name: 'g', arguments: '' },
    ]
    expect(convertToGeminiModelParts(content, upstream)).toEqual([
      { text: 'Checking.', thoughtSignature: 'SIG_TEXT' },
      { functionCall: { id: 'call_a', name: 'f', args: { x: 1 } } },
      { functionCall: { id: 'call_b', name: 'g', args: {} }, thoughtSignature: 'SIG_CALL' },
    ])
  })

  test('a trailing signature (the empty last chunk of a Gemini 3 stream) is its own empty text part', () => {
    const content: AssistantPart[] = [{ type: 'text', text: 'Done' }, { type: 'reasoning', text: '', encryptedContent: signature, provider: 'gemini' }]
    expect(convertToGeminiModelParts(content, upstream)).toEqual([{ text: 'Done' }, { text: '', thoughtSignature: signature }])
  })

  test('foreign reasoning: dropped for a Gemini upstream, carried in an envelope to a Gemini client', () => {
    const content: AssistantPart[] = [
      { type: 'reasoning', text: 'Let me add.', signature: 'EqQB', provider: 'anthropic' },
      { type: 'reasoning', text: 'plain', provider: undefined },
      { type: 'provider-block', provider: 'anthropic', block: { type: 'server_tool_use' } },
      { type: 'text', text: '4' },
    ]
    expect(convertToGeminiModelParts(content, upstream)).toEqual([{ text: '4' }])
    const rendered = convertToGeminiModelParts(content, client)
    expect(rendered.map((part) => part.text)).toEqual(['Let me add.', 'plain', '4'])
    expect(convertGeminiModelParts(rendered, 'parts', { ...mint('h'), keepEmptyText: true })).toEqual([
      { type: 'reasoning', text: 'Let me add.', provider: 'anthropic', signature: 'EqQB' },
      { type: 'reasoning', text: 'plain', provider: 'gemini' },
      { type: 'text', text: '4' },
    ])
  })

  test('arguments that are not a JSON object: 400 for an upstream, {} for a client', () => {
    const content: AssistantPart[] = [{ type: 'tool-call', id: 'call_1', name: 'f', arguments: '{"cut' }]
    expect(convertToGeminiModelParts(content, client)).toEqual([{ functionCall: { id: 'call_1', name: 'f', args: {} } }])
    try {
      convertToGeminiModelParts(content, { ...upstream, param: 'messages.1.content' })
      throw new Error('expected a 400')
    } catch (error) {
      expect(error instanceof GatewayError && [error.status, error.param]).toEqual([400, 'messages.1.content.0.arguments'])
    }
  })
})
