import { describe, expect, test } from 'bun:test'
import { GatewayError } from '../../errors/gateway-error'
import { normalizeBase64 } from '../../formats/gemini'
import type { RequestTarget } from '../../plugin/dialect'
import { geminiToCanonical } from './gemini-to-canonical'
import cachedContentTokens from './fixtures/cached-content-tokens.request.json'
import finishMaxTokens from './fixtures/finish-max-tokens.request.json'
import finishSafety from './fixtures/finish-safety.request.json'
import grounding from './fixtures/stream-google-search-grounding.request.json'
import imageInlineData from './fixtures/image-inline-data.request.json'
import jsonArrayAfterResponse from './fixtures/stream-json-array-after-function-response.request.json'
import parallelResponses from './fixtures/parallel-function-responses.request.json'
import structuredOutput from './fixtures/structured-output.request.json'
import text from './fixtures/text.request.json'
import thinkingThoughts from './fixtures/stream-thinking-thoughts.request.json'

const target = (model: string, stream = false): RequestTarget => ({ model, stream, includeUsage: true, options: { streamFormat: 'sse' } })
const convert = (body: unknown, model = 'gemini-2.5-flash', stream = false) => geminiToCanonical(structuredClone(body), new Headers(), target(model, stream))
const user = (text: string) => ({ role: 'user' as const, content: [{ type: 'text' as const, text }] })

function rejection(body: unknown): [number, string | null] {
  try {
    convert(body)
  } catch (error) {
    if (error instanceof GatewayError) return [error.status, error.param]
    throw error
  }
  throw new Error('expected a 400')
}

describe('geminiToCanonical on recorded requests', () => {
  test('text with a system instruction; its role and responseModalities kept for Gemini (text.request.json)', () => {
    expect(convert(text)).toEqual({
      model: 'gemini-2.5-flash',
      system: [{ type: 'text', text: 'You are a chatbot.' }],
      messages: [user('Hello!')],
      stream: false,
      extra: { gemini: { systemInstruction: { role: 'user' }, generationConfig: { responseModalities: ['TEXT'] } } },
    })
  })

  test('parallel calls with client ids and signature, their responses, ANY mode with an allow-list (parallel-function-responses)', () => {
    const request = convert(parallelResponses, 'gemini-3-flash-preview')
    const [first] = parallelResponses.contents[1].parts as Array<{ thoughtSignature: string }>
    const ids = ['pyd_ai_df5891897e434a16add992cc09f10172', 'pyd_ai_102eb2f935364e77bac26307e3428e2b', 'pyd_ai_cc6e16722f9a428db81532521a689ea7']
    expect(request.messages).toEqual([
      user(''),
      {
        role: 'assistant',
        content: [
          { type: 'reasoning', text: '', encryptedContent: normalizeBase64(first.thoughtSignature), provider: 'gemini', id: ids[0] },
          ...ids.map((id) => ({ type: 'tool-call' as const, id, name: 'generate_topic', arguments: '{}' })),
        ],
      },
      {
        role: 'tool',
        content: ['cars', 'penguins', 'cars'].map((topic, index) => ({ type: 'tool-result' as const, toolCallId: ids[index], name: 'generate_topic', content: JSON.stringify({ return_value: topic }) })),
      },
    ])
    expect(request.toolChoice).toEqual({ type: 'required' })
    expect(request.tools?.map((tool) => [tool.name, tool.parameters.type, tool.providerData])).toEqual([['generate_topic', 'object', undefined], ['final_result', 'object', undefined]])
    expect(request.extra.gemini.toolConfig).toEqual({ functionCallingConfig: { allowedFunctionNames: ['generate_topic', 'final_result'] } })
  })

  test('snake_case keys, calls without ids linked to their responses by name (stream-json-array-after-function-response)', () => {
    const request = convert(jsonArrayAfterResponse, 'gemini-3-flash-preview', true)
    const signature = (jsonArrayAfterResponse.contents[1].parts[1] as { thoughtSignature: string }).thoughtSignature
    expect(request.messages).toEqual([
      user('What is 5 times 3?'),
      {
        role: 'assistant',
        content: [
          { type: 'text', text: '' },
          { type: 'reasoning', text: '', encryptedContent: signature, provider: 'gemini', id: 'gemini_h1_0' },
          { type: 'tool-call', id: 'gemini_h1_0', name: 'multiply', arguments: '{"y":3,"x":5}' },
        ],
      },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'gemini_h1_0', name: 'multiply', content: '{"output":"15"}' }] },
    ])
    expect(request.stream).toBe(true)
    expect(request.tools).toEqual([
      {
        name: 'multiply',
        description: 'Multiply two numbers.',
        parameters: { properties: { x: { type: 'integer' }, y: { type: 'integer' } }, required: ['x', 'y'], type: 'object' },
        providerData: { gemini: { parameters: { properties: { x: { type: 'integer' }, y: { type: 'integer' } }, required: ['x', 'y'], type: 'object' } } },
      },
    ])
    expect(request.extra.gemini).toEqual({ safetySettings: jsonArrayAfterResponse.safetySettings })
  })

  test('generationConfig: maxOutputTokens and thinking_budget 0 (thinking off) (finish-max-tokens)', () => {
    const request = convert(finishMaxTokens)
    expect([request.maxOutputTokens, request.reasoning]).toEqual([5, { disabled: true }])
    expect(request.extra.gemini.generationConfig).toEqual({ responseModalities: ['TEXT'] })
  })

  test('responseMimeType + responseJsonSchema → json_schema (structured-output)', () => {
    expect(convert(structuredOutput).responseFormat).toEqual({ type: 'json_schema', schema: structuredOutput.generationConfig.responseJsonSchema })
  })

  test('safetySettings and an empty generationConfig are kept for Gemini (finish-safety)', () => {
    expect(convert(finishSafety).extra.gemini).toEqual({ safetySettings: finishSafety.safetySettings, systemInstruction: { role: 'user' }, generationConfig: {} })
  })

  test('inlineData image (sent url-safe by the SDK) → base64 image in the standard alphabet (image-inline-data)', () => {
    const [question, image] = convert(imageInlineData).messages[0].content as any[]
    expect(question).toEqual({ type: 'text', text: 'What is this vegetable?' })
    expect(image.source.mediaType).toBe('image/jpeg')
    expect(image.source.data).toBe(normalizeBase64(imageInlineData.contents[0].parts[1].inlineData!.data))
    expect(image.source.data.startsWith('/9j/4AAQ')).toBe(true)
  })

  test('fileData video URL → file part (cached-content-tokens)', () => {
    expect(convert(cachedContentTokens).messages[0].content[1]).toEqual({ type: 'file', source: { kind: 'url', url: 'https://m.youtube.com/watch?v=lCdaVNyHtjU' }, mediaType: 'video/mp4' })
  })

  test('includeThoughts → reasoning summaries; an OBJECT-typed `parameters` schema kept for Gemini (stream-thinking-thoughts)', () => {
    const request = convert(thinkingThoughts, 'gemini-2.5-pro')
    expect(request.reasoning).toEqual({ summary: 'auto' })
    expect(request.tools).toEqual([{ name: 'dummy', description: '', parameters: { properties: {}, type: 'object' }, providerData: { gemini: { parameters: { properties: {}, type: 'OBJECT' } } } }])
  })

  test('googleSearch tool goes to extra.tools (stream-google-search-grounding)', () => {
    const request = convert(grounding, 'gemini-2.5-pro')
    expect(request.tools).toBeUndefined()
    expect(request.extra.gemini.tools).toEqual([{ googleSearch: {} }])
  })
})

describe('geminiToCanonical mappings', () => {
  test('sampling, stop sequences, candidates, seed, penalties, thinking level and budgets', () => {
    const body = {
      contents: [{ role: 'user', parts: [{ text: 'hi' }] }],
      generationConfig: { temperature: 0.2, topP: 0.9, topK: 40, maxOutputTokens: 100, stopSequences: ['END'], candidateCount: 1, seed: 7, presencePenalty: 0.1, frequencyPenalty: 0.3, thinkingConfig: { thinkingLevel: 'LOW', includeThoughts: false } },
    }
    const request = convert(body, 'gemini-3-pro-preview')
    expect(request).toMatchObject({ temperature: 0.2, topP: 0.9, topK: 40, maxOutputTokens: 100, stopSequences: ['END'], choices: 1, seed: 7, presencePenalty: 0.1, frequencyPenalty: 0.3, reasoning: { effort: 'low' } })
    expect(request.extra.gemini.generationConfig).toEqual({ thinkingConfig: { includeThoughts: false } })
    const budgets = [-1, 2048].map((thinkingBudget) => convert({ contents: body.contents, generationConfig: { thinkingConfig: { thinkingBudget } } }).reasoning)
    expect(budgets).toEqual([{ adaptive: true }, { budgetTokens: 2048 }])
  })

  test('response formats: json_object, OpenAPI responseSchema (converted, kept), text/plain, text/x.enum unmapped', () => {
    const contents = [{ parts: [{ text: 'hi' }] }]
    const format = (generationConfig: Record<string, unknown>) => {
      const request = convert({ contents, generationConfig })
      return [request.responseFormat, request.extra.gemini.generationConfig]
    }
    expect(format({ responseMimeType: 'application/json' })).toEqual([{ type: 'json_object' }, {}])
    const schema = { type: 'OBJECT', properties: { a: { type: 'STRING' } } }
    expect(format({ responseMimeType: 'application/json', responseSchema: schema })).toEqual([
      { type: 'json_schema', schema: { type: 'object', properties: { a: { type: 'string' } } }, providerData: { gemini: { responseSchema: schema } } },
      {},
    ])
    expect(format({ responseMimeType: 'text/plain' })).toEqual([{ type: 'text' }, {}])
    const enumSchema = { type: 'STRING', enum: ['a', 'b'] }
    expect(format({ responseMimeType: 'text/x.enum', responseSchema: enumSchema })).toEqual([undefined, { responseMimeType: 'text/x.enum', responseSchema: enumSchema }])
  })

  test('tool choice: AUTO, NONE, ANY with one name, VALIDATED (unmapped); declarations without parameters', () => {
    const choice = (functionCallingConfig: Record<string, unknown>) => {
      const request = convert({ contents: [{ parts: [{ text: 'x' }] }], tools: [{ functionDeclarations: [{ name: 'f' }] }], toolConfig: { functionCallingConfig } })
      return [request.toolChoice, request.extra.gemini?.toolConfig]
    }
    expect(choice({ mode: 'AUTO' })).toEqual([{ type: 'auto' }, undefined])
    expect(choice({ mode: 'NONE' })).toEqual([{ type: 'none' }, undefined])
    expect(choice({ mode: 'ANY', allowedFunctionNames: ['f'] })).toEqual([{ type: 'tool', name: 'f' }, undefined])
    expect(choice({ mode: 'VALIDATED' })).toEqual([undefined, { functionCallingConfig: { mode: 'VALIDATED' } }])
    expect(convert({ contents: [{ parts: [{ text: 'x' }] }], tools: [{ functionDeclarations: [{ name: 'f' }] }] }).tools).toEqual([
      { name: 'f', parameters: { type: 'object', properties: {} }, providerData: { gemini: { parameters: null } } },
    ])
  })

  test('consecutive model contents (an SDK-recorded stream) are one assistant turn; thoughts and a trailing signature kept', () => {
    const contents = [
      { role: 'user', parts: [{ text: 'Hi' }] },
      { role: 'model', parts: [{ text: 'Thinking', thought: true }] },
      { role: 'model', parts: [{ text: 'Hello' }] },
      { role: 'model', parts: [{ text: '', thoughtSignature: 'c2lnbmF0dXJl' }] },
      { role: 'user', parts: [{ text: 'Bye' }] },
    ]
    expect(convert({ contents }).messages).toEqual([
      user('Hi'),
      {
        role: 'assistant',
        content: [
          { type: 'reasoning', text: 'Thinking', provider: 'gemini' },
          { type: 'text', text: 'Hello' },
          { type: 'reasoning', text: '', encryptedContent: 'c2lnbmF0dXJl', provider: 'gemini' },
          { type: 'text', text: '' },
        ],
      },
      user('Bye'),
    ])
  })

  test('a response without id claims the first open call of its name; an explicit id claims its own', () => {
    const contents = [
      { role: 'user', parts: [{ text: 'go' }] },
      { role: 'model', parts: [{ functionCall: { name: 'f', args: { n: 1 } } }, { functionCall: { name: 'f', id: 'x1', args: { n: 2 } } }, { functionCall: { name: 'g' } }] },
      { role: 'user', parts: [{ functionResponse: { name: 'f', id: 'x1', response: { ok: 2 } } }, { functionResponse: { name: 'f', response: { ok: 1 } } }, { functionResponse: { name: 'g', response: { error: 'boom' } } }, { text: 'and?' }] },
    ]
    const [, assistant, tool, after] = convert({ contents }).messages
    expect(assistant.content.map((part) => (part.type === 'tool-call' ? part.id : part.type))).toEqual(['gemini_h1_0', 'x1', 'gemini_h1_2'])
    expect(tool).toEqual({
      role: 'tool',
      content: [
        { type: 'tool-result', toolCallId: 'x1', name: 'f', content: '{"ok":2}' },
        { type: 'tool-result', toolCallId: 'gemini_h1_0', name: 'f', content: '{"ok":1}' },
        { type: 'tool-result', toolCallId: 'gemini_h1_2', name: 'g', content: '{"error":"boom"}', isError: true },
      ],
    })
    expect(after).toEqual(user('and?'))
  })

  test('audio, PDF and image URL parts', () => {
    const parts = [
      { inlineData: { mimeType: 'audio/mpeg', data: 'SUQz' } },
      { inlineData: { mimeType: 'audio/wav', data: 'UklG' } },
      { inlineData: { mimeType: 'application/pdf', data: 'JVBE' } },
      { fileData: { mimeType: 'image/png', fileUri: 'https://example.com/a.png' }, mediaResolution: { level: 'MEDIA_RESOLUTION_HIGH' } },
    ]
    expect(convert({ contents: [{ role: 'user', parts }] }).messages[0].content).toEqual([
      { type: 'audio', data: 'SUQz', format: 'mp3', providerData: { gemini: { inlineData: { mimeType: 'audio/mpeg' } } } },
      { type: 'audio', data: 'UklG', format: 'wav' },
      { type: 'file', source: { kind: 'base64', mediaType: 'application/pdf', data: 'JVBE' }, mediaType: 'application/pdf' },
      { type: 'image', source: { kind: 'url', url: 'https://example.com/a.png' }, providerData: { gemini: { mediaResolution: { level: 'MEDIA_RESOLUTION_HIGH' }, fileData: { mimeType: 'image/png' } } } },
    ])
  })

  test('bad input is a 400 naming the param', () => {
    expect(rejection([])).toEqual([400, 'body'])
    expect(rejection({ contents: [] })).toEqual([400, 'contents'])
    expect(rejection({ contents: [{ role: 'assistant', parts: [] }] })).toEqual([400, 'contents.0.role'])
    expect(rejection({ contents: [{ parts: [{ inlineData: { data: 'x' } }] }] })).toEqual([400, 'contents.0.parts.0.inlineData.mimeType'])
    expect(rejection({ contents: [{ parts: [{ text: 'x' }] }], generationConfig: { temperature: 'hot' } })).toEqual([400, 'generationConfig.temperature'])
    expect(rejection({ contents: [{ parts: [{ text: 'x' }] }], tools: [{ functionDeclarations: [{ description: 'no name' }] }] })).toEqual([400, 'tools.0.functionDeclarations.0.name'])
    expect(rejection({ contents: [{ parts: [{ text: 'x' }] }], systemInstruction: { parts: [{ inlineData: {} }] } })).toEqual([400, 'systemInstruction.parts.0'])
    expect(() => geminiToCanonical({ contents: [{ parts: [{ text: 'x' }] }] }, new Headers())).toThrow('The model must be named in the URL')
  })
})
