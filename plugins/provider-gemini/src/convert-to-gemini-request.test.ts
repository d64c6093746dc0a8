import { describe, expect, test } from 'bun:test'
import { GatewayError, SKIP_THOUGHT_SIGNATURE_VALIDATOR, type CanonicalRequest } from '@tollgate/core'
import { convertToGeminiRequest } from './convert-to-gemini-request'

const context = { modelId: 'gemini-2.5-flash' }
const request = (fields: Partial<CanonicalRequest>): CanonicalRequest => ({ model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }], stream: false, extra: {}, ...fields })
const convert = (fields: Partial<CanonicalRequest>, modelId = context.modelId) => convertToGeminiRequest(request(fields), { modelId })

function rejection(fields: Partial<CanonicalRequest>): [number, string | null, string] {
  try {
    convert(fields)
  } catch (error) {
    if (error instanceof GatewayError) return [error.status, error.param, error.message]
    throw error
  }
  throw new Error('expected a 400')
}

describe('convertToGeminiRequest (requests of other dialects)', () => {
  test('an OpenAI tool loop: calls with their ids, results named from their call, consecutive results in one user content', () => {
    const { body, warnings } = convert({
      system: [{ type: 'text', text: 'Be brief.' }],
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Weather in Paris and Rome?' }] },
        {
          role: 'assistant',
          content: [
            { type: 'tool-call', id: 'call_1', name: 'weather', arguments: '{"city":"Paris"}' },
            { type: 'tool-call', id: 'call_2', name: 'weather', arguments: '{"city":"Rome"}' },
          ],
        },
        { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'call_1', content: '{"temp":21}' }] },
        { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'call_2', content: 'sunny, 25C' }] },
        { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'call_2', content: 'timeout', isError: true }] },
      ],
      tools: [{ name: 'weather', description: 'Weather by city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false }, strict: true }],
      toolChoice: { type: 'required' },
    })
    expect(body).toEqual({
      contents: [
        { role: 'user', parts: [{ text: 'Weather in Paris and Rome?' }] },
        { role: 'model', parts: [{ functionCall: { id: 'call_1', name: 'weather', args: { city: 'Paris' } } }, { functionCall: { id: 'call_2', name: 'weather', args: { city: 'Rome' } } }] },
        {
          role: 'user',
          parts: [
            { functionResponse: { id: 'call_1', name: 'weather', response: { temp: 21 } } },
            { functionResponse: { id: 'call_2', name: 'weather', response: { output: 'sunny, 25C' } } },
            { functionResponse: { id: 'call_2', name: 'weather', response: { error: 'timeout' } } },
          ],
        },
      ],
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
      tools: [{ functionDeclarations: [{ name: 'weather', description: 'Weather by city', parametersJsonSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false } }] }],
      toolConfig: { functionCallingConfig: { mode: 'ANY' } },
    })
    expect(warnings).toEqual([{ param: 'tools.0.strict', message: 'Gemini has no strict flag for function declarations; the schema is sent without it' }])
  })

  test('minted ids are not sent: the call and its result go without id, as Gemini sent them', () => {
    const { body } = convert({
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'x' }] },
        { role: 'assistant', content: [{ type: 'tool-call', id: 'gemini_resp1_0', name: 'f', arguments: '{}' }] },
        { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'gemini_resp1_0', content: '{"ok":true}' }] },
      ],
    })
    expect((body as any).contents.slice(1)).toEqual([
      { role: 'model', parts: [{ functionCall: { name: 'f', args: {} } }] },
      { role: 'user', parts: [{ functionResponse: { name: 'f', response: { ok: true } } }] },
    ])
  })

  test('Gemini 3: a function call turn without signature (history from another model) gets the documented placeholder', () => {
    const messages: CanonicalRequest['messages'] = [
      { role: 'user', content: [{ type: 'text', text: 'x' }] },
      { role: 'assistant', content: [{ type: 'reasoning', text: 'Thinking', signature: 'EqQB', provider: 'anthropic' }, { type: 'tool-call', id: 'toolu_1', name: 'f', arguments: '{}' }, { type: 'tool-call', id: 'toolu_2', name: 'f', arguments: '{}' }] },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'toolu_1', content: '1' }, { type: 'tool-result', toolCallId: 'toolu_2', content: '2' }] },
    ]
    const gemini3 = convert({ messages }, 'gemini-3-pro-preview')
    expect((gemini3.body as any).contents[1].parts).toEqual([
      { functionCall: { id: 'toolu_1', name: 'f', args: {} }, thoughtSignature: SKIP_THOUGHT_SIGNATURE_VALIDATOR },
      { functionCall: { id: 'toolu_2', name: 'f', args: {} } },
    ])
    expect(gemini3.warnings?.map((warning) => warning.param)).toEqual(['messages'])
    expect((convert({ messages }).body as any).contents[1].parts[0].thoughtSignature).toBeUndefined()
  })

  test('media: image URL (type from the extension), data URL and base64 inline, PDF, audio; file ids of other providers refused', () => {
    const { body, warnings } = convert({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { kind: 'url', url: 'https://example.com/cat.JPG?size=2' }, detail: 'high' },
            { type: 'image', source: { kind: 'url', url: 'data:image/png;base64,iVBORw0K' } },
            { type: 'image', source: { kind: 'base64', mediaType: 'image/webp', data: 'UklGR' } },
            { type: 'file', source: { kind: 'base64', mediaType: 'application/pdf', data: 'JVBERi0' }, mediaType: 'application/pdf', filename: 'a.pdf' },
            { type: 'file', source: { kind: 'url', url: 'https://generativelanguage.googleapis.com/v1beta/files/abc' }, mediaType: 'video/mp4' },
            { type: 'audio', data: 'UklGRg', format: 'wav' },
          ],
        },
      ],
    })
    expect((body as any).contents[0].parts).toEqual([
      { fileData: { mimeType: 'image/jpeg', fileUri: 'https://example.com/cat.JPG?size=2' } },
      { inlineData: { mimeType: 'image/png', data: 'iVBORw0K' } },
      { inlineData: { mimeType: 'image/webp', data: 'UklGR' } },
      { inlineData: { mimeType: 'application/pdf', data: 'JVBERi0' } },
      { fileData: { mimeType: 'video/mp4', fileUri: 'https://generativelanguage.googleapis.com/v1beta/files/abc' } },
      { inlineData: { mimeType: 'audio/wav', data: 'UklGRg' } },
    ])
    expect(warnings).toEqual([{ param: 'messages.0.content.0.detail', message: "image detail 'high' has no Gemini equivalent; ignored" }])
    expect(rejection({ messages: [{ role: 'user', content: [{ type: 'file', source: { kind: 'file-id', fileId: 'file-abc123' } }] }] }).slice(0, 2)).toEqual([400, 'messages.0.content.0'])
  })

  test('a tool result with an image: the text as the response, the image as a part of its own', () => {
    const { body } = convert({
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'x' }] },
        { role: 'assistant', content: [{ type: 'tool-call', id: 'toolu_1', name: 'screenshot', arguments: '{}' }] },
        { role: 'user', content: [{ type: 'tool-result', toolCallId: 'toolu_1', content: [{ type: 'text', text: 'Here it is' }, { type: 'image', source: { kind: 'base64', mediaType: 'image/png', data: 'iVBOR' } }] }, { type: 'text', text: 'Describe it' }] },
      ],
    })
    expect((body as any).contents[2]).toEqual({
      role: 'user',
      parts: [{ functionResponse: { id: 'toolu_1', name: 'screenshot', response: { output: 'Here it is' } } }, { inlineData: { mimeType: 'image/png', data: 'iVBOR' } }, { text: 'Describe it' }],
    })
  })

  test('generation settings, json_schema, tool choice of one tool; system messages later in the conversation are moved', () => {
    const converted = convert({
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'a' }] },
        { role: 'system', content: [{ type: 'text', text: 'Answer in French.' }] },
      ],
      temperature: 0.3,
      topP: 0.8,
      topK: 20,
      maxOutputTokens: 256,
      stopSequences: ['END'],
      seed: 42,
      presencePenalty: 0.5,
      frequencyPenalty: 0.25,
      choices: 1,
      responseFormat: { type: 'json_schema', name: 'city', schema: { type: 'object', properties: { city: { type: 'string' } } }, strict: true },
      tools: [{ name: 'f', parameters: { type: 'object', properties: {} } }],
      toolChoice: { type: 'tool', name: 'f' },
      parallelToolCalls: false,
      user: 'user-1',
    })
    expect(converted.body).toMatchObject({
      systemInstruction: { parts: [{ text: 'Answer in French.' }] },
      toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['f'] } },
      generationConfig: {
        temperature: 0.3,
        topP: 0.8,
        topK: 20,
        maxOutputTokens: 256,
        stopSequences: ['END'],
        seed: 42,
        presencePenalty: 0.5,
        frequencyPenalty: 0.25,
        candidateCount: 1,
        responseMimeType: 'application/json',
        responseJsonSchema: { type: 'object', properties: { city: { type: 'string' } } },
      },
    })
    expect(converted.warnings?.map((warning) => warning.param)).toEqual(['messages.1', 'parallel_tool_calls', 'user'])
    expect((convert({ responseFormat: { type: 'json_object' } }).body as any).generationConfig).toEqual({ responseMimeType: 'application/json' })
  })

  test('reasoning: budgets as thinkingBudget, efforts as thinkingLevel on Gemini 3 and as a budget before, summaries as includeThoughts', () => {
    const thinking = (reasoning: CanonicalRequest['reasoning'], modelId = 'gemini-2.5-flash') => {
      const converted = convert({ reasoning }, modelId)
      return [(converted.body as any).generationConfig?.thinkingConfig, converted.warnings?.map((warning) => warning.message)]
    }
    expect(thinking({ budgetTokens: 2048 })).toEqual([{ thinkingBudget: 2048 }, undefined])
    expect(thinking({ disabled: true })).toEqual([{ thinkingBudget: 0 }, undefined])
    expect(thinking({ adaptive: true, summary: 'auto' })).toEqual([{ thinkingBudget: -1, includeThoughts: true }, undefined])
    expect(thinking({ effort: 'low' }, 'gemini-3-pro-preview')).toEqual([{ thinkingLevel: 'low' }, undefined])
    expect(thinking({ effort: 'xhigh' }, 'gemini-3-flash-preview')).toEqual([{ thinkingLevel: 'high' }, ["Gemini's highest thinking level is 'high'; 'xhigh' sent as 'high'"]])
    expect(thinking({ effort: 'medium' })).toEqual([{ thinkingBudget: 8192 }, ["gemini-2.5-flash takes a thinking budget, not an effort: 'medium' sent as thinkingBudget 8192"]])
  })

  test('several candidates, a result without a call, arguments that are not JSON: 400 naming the param', () => {
    expect(rejection({ choices: 2 }).slice(0, 2)).toEqual([400, 'n'])
    expect(rejection({ messages: [{ role: 'tool', content: [{ type: 'tool-result', toolCallId: 'call_x', content: 'x' }] }] }).slice(0, 2)).toEqual([400, 'messages.0.content.0'])
    expect(rejection({ messages: [{ role: 'assistant', content: [{ type: 'tool-call', id: 'c', name: 'f', arguments: '{"cut' }] }] }).slice(0, 2)).toEqual([400, 'messages.0.content.0.arguments'])
  })
})
