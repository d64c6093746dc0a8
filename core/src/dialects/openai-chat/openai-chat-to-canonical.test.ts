import { describe, expect, test } from 'bun:test'
import { GatewayError } from '../../errors/gateway-error'
import { openAIChatToCanonical } from './openai-chat-to-canonical'
import cachedTokens from './fixtures/cached-tokens.request.json'
import documentPdf from './fixtures/document-pdf-file-part.request.json'
import imageBase64 from './fixtures/image-base64.request.json'
import imageUrlAfterTool from './fixtures/image-url-after-tool.request.json'
import streamAfterToolResult from './fixtures/stream-after-tool-result.request.json'
import streamTextAfterTool from './fixtures/stream-text-after-tool-obfuscation.request.json'
import structuredOutput from './fixtures/structured-output-json-schema-with-tools.request.json'
import systemRole from './fixtures/error-400-unsupported-system-role.request.json'
import toolCall from './fixtures/tool-call.request.json'

const user = (text: string) => ({ role: 'user' as const, content: [{ type: 'text' as const, text }] })
const minimal = (fields: Record<string, unknown>) => ({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }], ...fields })

function rejection(body: unknown): { status: number; param: string | null; message: string } {
  try {
    openAIChatToCanonical(body)
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error
    return { status: error.status, param: error.param, message: error.message }
  }
  throw new Error('expected a 400')
}

describe('openAIChatToCanonical on recorded requests', () => {
  test('tool definitions (tool-call.request.json)', () => {
    expect(openAIChatToCanonical(toolCall)).toEqual({
      model: 'gpt-4o-mini',
      messages: [user('Can the country of Crumpet have dragons? Answer with only YES or NO')],
      tools: [
        {
          name: 'lookup_population',
          description: 'Returns the current population of the specified fictional country',
          parameters: { properties: { country: { type: 'string' } }, required: ['country'], type: 'object' },
        },
        {
          name: 'can_have_dragons',
          description: 'Returns True if the specified population can have dragons, False otherwise',
          parameters: { properties: { population: { type: 'integer' } }, required: ['population'], type: 'object' },
        },
      ],
      stream: false,
      extra: {},
    })
  })

  test('tool call history, empty assistant content kept verbatim, include_usage (stream-after-tool-result)', () => {
    const request = openAIChatToCanonical(streamAfterToolResult)
    expect(request.messages).toEqual([
      user('What is 1231 * 2331?'),
      { role: 'assistant', content: [], providerData: { 'openai-chat': { content: '' } } },
      { role: 'assistant', content: [{ type: 'tool-call', id: 'call_1EYWDzueHEp8OsB8jJSEp7WB', name: 'multiply', arguments: '{"a": 1231, "b": 2331}' }] },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'call_1EYWDzueHEp8OsB8jJSEp7WB', content: '2869461' }] },
    ])
    expect(request.stream).toBe(true)
    expect(request.streamUsage).toBe(true)
    expect(request.extra).toEqual({})
  })

  test('null assistant content, strict tool, tool_choice (stream-text-after-tool-obfuscation)', () => {
    const request = openAIChatToCanonical(streamTextAfterTool)
    expect(request.messages[1]).toEqual({
      role: 'assistant',
      content: [{ type: 'tool-call', id: 'call_ZR5UUuTt3pf61kjwAJIYdVMj', name: 'get_capital', arguments: '{"country":"UK"}' }],
      providerData: { 'openai-chat': { content: null } },
    })
    expect(request.tools?.[0].strict).toBe(true)
    expect(request.toolChoice).toEqual({ type: 'auto' })
  })

  test('user content parts and an image URL after a tool result (image-url-after-tool)', () => {
    const request = openAIChatToCanonical(imageUrlAfterTool)
    const arrayText = (text: string) => ({ type: 'text' as const, text, providerData: { 'openai-chat': {} } })
    expect(request.messages[0]).toEqual({ role: 'user', content: [arrayText('What food is in the image you can get from the get_image tool?')] })
    expect(request.messages[3]).toEqual({
      role: 'user',
      content: [
        arrayText('This is file bd38f5:'),
        { type: 'image', source: { kind: 'url', url: 'https://t3.ftcdn.net/jpg/00/85/79/92/360_F_85799278_0BBGV9OAdQDTLnKwAPBCcg1J7QtiieJY.jpg' } },
      ],
    })
    expect(request.choices).toBe(1)
  })

  test('base64 image data URL -> base64 source', () => {
    const part = openAIChatToCanonical(imageBase64).messages[0].content[1]
    expect(part).toEqual({ type: 'image', source: { kind: 'base64', mediaType: 'image/jpeg', data: imageBase64.messages[0].content[1].image_url!.url.slice('data:image/jpeg;base64,'.length) } })
  })

  test('PDF file part -> file part with media type and filename', () => {
    const part = openAIChatToCanonical(documentPdf).messages[0].content[1]
    const data = documentPdf.messages[0].content[1].file!.file_data.slice('data:application/pdf;base64,'.length)
    expect(part).toEqual({ type: 'file', source: { kind: 'base64', mediaType: 'application/pdf', data }, mediaType: 'application/pdf', filename: 'filename.pdf' })
  })

  test('unknown part fields and unknown body fields pass through (cached-tokens)', () => {
    const request = openAIChatToCanonical(cachedTokens)
    expect(request.messages[0].content.map((part) => ('providerData' in part ? part.providerData : undefined))).toEqual([
      { 'openai-chat': { prompt_cache_breakpoint: { mode: 'explicit' } } },
      { 'openai-chat': {} },
    ])
    expect(request.extra).toEqual({ 'openai-chat': { prompt_cache_key: 'pydantic-ai-prompt-cache-e2e-chat', prompt_cache_options: { mode: 'explicit', ttl: '30m' } } })
  })

  test('json_schema response format (structured-output-json-schema-with-tools)', () => {
    expect(openAIChatToCanonical(structuredOutput).responseFormat).toEqual({
      type: 'json_schema',
      name: 'result',
      schema: { properties: { city: { type: 'string' }, country: { type: 'string' } }, required: ['city', 'country'], type: 'object' },
      strict: false,
    })
  })

  test('leading system message -> system', () => {
    expect(openAIChatToCanonical(systemRole)).toEqual({
      model: 'o1-mini',
      system: [{ type: 'text', text: 'You are a helpful assistant.' }],
      messages: [user('Hello')],
      choices: 1,
      stream: false,
      extra: {},
    })
  })
})

describe('openAIChatToCanonical mapping', () => {
  test('developer messages: leading -> system + systemDeveloper; later -> system message with developer flag', () => {
    const request = openAIChatToCanonical({
      model: 'o3',
      messages: [{ role: 'developer', content: 'Be terse.' }, { role: 'user', content: 'Hi' }, { role: 'developer', content: [{ type: 'text', text: 'Now formal.' }] }],
    })
    expect(request.system).toEqual([{ type: 'text', text: 'Be terse.' }])
    expect(request.systemDeveloper).toBe(true)
    expect(request.messages[1]).toEqual({ role: 'system', developer: true, content: [{ type: 'text', text: 'Now formal.', providerData: { 'openai-chat': {} } }] })
  })

  test('assistant reasoning_details -> reasoning parts before text; refusal -> marked text', () => {
    const request = openAIChatToCanonical(
      minimal({
        messages: [
          { role: 'user', content: 'Hi' },
          {
            role: 'assistant',
            content: 'Four.',
            refusal: null,
            reasoning_content: '2+2',
            reasoning_details: [{ type: 'reasoning.text', text: '2+2', signature: 'sig', format: 'anthropic-claude-v1', index: 0 }],
          },
          { role: 'user', content: 'Bad idea' },
          { role: 'assistant', content: null, refusal: 'I cannot help with that.' },
        ],
      }),
    )
    expect(request.messages[1]).toEqual({
      role: 'assistant',
      content: [{ type: 'reasoning', text: '2+2', signature: 'sig', provider: 'anthropic' }, { type: 'text', text: 'Four.' }],
      providerData: { 'openai-chat': { refusal: null } },
    })
    expect(request.messages[3]).toEqual({
      role: 'assistant',
      content: [{ type: 'text', text: 'I cannot help with that.', providerData: { 'openai-chat': { type: 'refusal' } } }],
      providerData: { 'openai-chat': { content: null } },
    })
  })

  test('legacy functions, function_call and function role', () => {
    const request = openAIChatToCanonical(
      minimal({
        functions: [{ name: 'lookup', parameters: { type: 'object', properties: {} } }],
        function_call: { name: 'lookup' },
        messages: [
          { role: 'user', content: 'Look it up' },
          { role: 'assistant', content: null, function_call: { name: 'lookup', arguments: '{}' } },
          { role: 'function', name: 'lookup', content: '42' },
        ],
      }),
    )
    expect(request.tools).toEqual([{ name: 'lookup', parameters: { type: 'object', properties: {} } }])
    expect(request.toolChoice).toEqual({ type: 'tool', name: 'lookup' })
    expect(request.messages[1].content).toEqual([{ type: 'tool-call', id: 'lookup', name: 'lookup', arguments: '{}' }])
    expect(request.messages[2]).toEqual({ role: 'tool', content: [{ type: 'tool-result', toolCallId: 'lookup', name: 'lookup', content: '42' }] })
  })

  test('input_audio, file_id and image detail', () => {
    const request = openAIChatToCanonical(
      minimal({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
              { type: 'file', file: { file_id: 'file-abc' } },
              { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } },
            ],
          },
        ],
      }),
    )
    expect(request.messages[0].content).toEqual([
      { type: 'audio', data: 'UklGRg==', format: 'wav' },
      { type: 'file', source: { kind: 'file-id', fileId: 'file-abc' } },
      { type: 'image', source: { kind: 'url', url: 'https://example.com/a.png' }, detail: 'low' },
    ])
  })

  test('sampling parameters, stop string, reasoning_effort, user, max tokens; unknown fields -> extra', () => {
    const request = openAIChatToCanonical(
      minimal({
        temperature: 0.2, top_p: 0.9, stop: 'END', seed: 7, frequency_penalty: 0.1, presence_penalty: -0.1, n: 2,
        reasoning_effort: 'low', user: 'u-1', max_tokens: 50, max_completion_tokens: 50, parallel_tool_calls: false,
        response_format: { type: 'json_object' }, tool_choice: 'required',
        stream: true, stream_options: { include_usage: false, include_obfuscation: false },
        logprobs: true, logit_bias: { '50256': -100 }, service_tier: 'flex', metadata: { a: '1' }, store: true, some_future_field: [1],
      }),
    )
    const { messages, ...rest } = request
    expect(rest).toEqual({
      model: 'gpt-4o', temperature: 0.2, topP: 0.9, stopSequences: ['END'], seed: 7, frequencyPenalty: 0.1, presencePenalty: -0.1,
      choices: 2, reasoning: { effort: 'low' }, user: 'u-1', maxOutputTokens: 50, parallelToolCalls: false,
      responseFormat: { type: 'json_object' }, toolChoice: { type: 'required' }, stream: true, streamUsage: false,
      extra: {
        'openai-chat': {
          logprobs: true, logit_bias: { '50256': -100 }, service_tier: 'flex', metadata: { a: '1' }, store: true, some_future_field: [1],
          stream_options: { include_obfuscation: false },
        },
      },
    })
  })
})

describe('openAIChatToCanonical validation (400 with param)', () => {
  test.each([
    ['body not an object', [], 'body'],
    ['model missing', { messages: [{ role: 'user', content: 'Hi' }] }, 'model'],
    ['messages empty', { model: 'gpt-4o', messages: [] }, 'messages'],
    ['unknown role', minimal({ messages: [{ role: 'robot', content: 'Hi' }] }), 'messages[0].role'],
    ['unknown content part type', minimal({ messages: [{ role: 'user', content: 'a' }, { role: 'assistant', content: 'b' }, { role: 'user', content: [{ type: 'video', video: {} }] }] }), 'messages[2].content[0].type'],
    ['image URL not http or data', minimal({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'ftp://x/y.png' } }] }] }), 'messages[0].content[0].image_url.url'],
    ['system message with an image', minimal({ messages: [{ role: 'system', content: [{ type: 'image_url', image_url: { url: 'https://x/y.png' } }] }] }), 'messages[0].content[0].type'],
    ['tool message without tool_call_id', minimal({ messages: [{ role: 'tool', content: 'x' }] }), 'messages[0].tool_call_id'],
    ['tool call arguments not a string', minimal({ messages: [{ role: 'assistant', tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: {} } }] }] }), 'messages[0].tool_calls[0].function.arguments'],
    ['non-function tool', minimal({ tools: [{ type: 'web_search' }] }), 'tools[0].type'],
    ['max_tokens and max_completion_tokens differ', minimal({ max_tokens: 10, max_completion_tokens: 20 }), 'max_tokens'],
    ['temperature not a number', minimal({ temperature: 'hot' }), 'temperature'],
    ['n below 1', minimal({ n: 0 }), 'n'],
    ['unknown reasoning_effort', minimal({ reasoning_effort: 'extreme' }), 'reasoning_effort'],
    ['file_data not a data URL', minimal({ messages: [{ role: 'user', content: [{ type: 'file', file: { file_data: 'JVBER' } }] }] }), 'messages[0].content[0].file.file_data'],
  ])('%s', (_name, body, param) => {
    const error = rejection(body)
    expect(error.status).toBe(400)
    expect(error.param).toBe(param)
  })
})
