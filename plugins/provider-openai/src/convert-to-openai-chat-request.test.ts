import { describe, expect, test } from 'bun:test'
import { GatewayError, openAIChatDialect, type CanonicalRequest } from '@tollgate/core'
import { convertToOpenAIChatRequest, effortForBudget } from './convert-to-openai-chat-request'

const fixture = (name: string) => Bun.file(new URL(`../fixtures/${name}`, import.meta.url)).json()
const context = { modelId: 'gpt-4o' }
const base = (fields: Partial<CanonicalRequest>): CanonicalRequest => ({
  model: 'gpt-4o',
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
  stream: false,
  extra: {},
  ...fields,
})

describe('round trip: recorded request -> openai-chat dialect -> canonical -> OpenAI body', () => {
  const recordedRequests = [
    'cached-tokens.request.json',
    'document-pdf-file-part.request.json',
    'error-400-unsupported-system-role.request.json',
    'error-404-model-not-found.request.json',
    'image-base64.request.json',
    'image-url-after-tool.request.json',
    'reasoning-o3-mini.request.json',
    'stream-after-tool-result.request.json',
    'stream-text-after-tool-obfuscation.request.json',
    'stream-tool-call-include-usage.request.json',
    'stream-tool-call-obfuscation.request.json',
    'structured-output-json-schema-with-tools.request.json',
    'tool-call.request.json',
  ]
  test.each(recordedRequests)('%s is reproduced exactly', async (name) => {
    const recorded = await fixture(name)
    const canonical = openAIChatDialect.toCanonical(recorded, new Headers())
    const { body, warnings } = convertToOpenAIChatRequest(canonical, { modelId: recorded.model })
    expect(warnings).toBeUndefined()
    // Recorded streaming requests all set stream_options.include_usage, which the provider forces anyway.
    expect(body).toEqual(recorded)
  })

  test('max_tokens is sent as max_completion_tokens; client stream_options survive next to include_usage', () => {
    const canonical = openAIChatDialect.toCanonical(
      { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }], max_tokens: 64, stream: true, stream_options: { include_usage: false, include_obfuscation: false } },
      new Headers(),
    )
    expect(convertToOpenAIChatRequest(canonical, context).body).toEqual({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Hi' }],
      max_completion_tokens: 64,
      stream: true,
      stream_options: { include_obfuscation: false, include_usage: true },
    })
  })
})

describe('convertToOpenAIChatRequest', () => {
  test('tool result with an image: text in the tool message, the image in a following user message', async () => {
    const recorded = await fixture('image-url-after-tool.request.json')
    const imageUrl = recorded.messages[3].content[1].image_url.url
    const request = base({
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'What food is in the image you can get from the get_image tool?' }] },
        { role: 'assistant', content: [{ type: 'tool-call', id: 'call_4hrT4QP9jfojtK69vGiFCFjG', name: 'get_image', arguments: '{}' }] },
        {
          role: 'user',
          content: [
            { type: 'tool-result', toolCallId: 'call_4hrT4QP9jfojtK69vGiFCFjG', content: [{ type: 'text', text: 'See file bd38f5' }, { type: 'image', source: { kind: 'url', url: imageUrl } }] },
          ],
        },
      ],
    })
    const { messages } = convertToOpenAIChatRequest(request, context).body as { messages: any[] }
    expect(messages.slice(2)).toEqual([
      recorded.messages[2],
      { role: 'user', content: [{ type: 'text', text: 'Attachments returned by tool call call_4hrT4QP9jfojtK69vGiFCFjG:' }, recorded.messages[3].content[1]] },
    ])
  })

  test('parallel tool results in one user turn (Anthropic style): all tool messages first, then the attachments, then the user text', () => {
    const image = { type: 'image' as const, source: { kind: 'base64' as const, mediaType: 'image/png', data: 'iVBORw0KGgo=' } }
    const request = base({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'tool-result', toolCallId: 'toolu_1', content: [image] },
            { type: 'tool-result', toolCallId: 'toolu_2', content: '42', isError: true },
            { type: 'text', text: 'Continue.' },
          ],
        },
      ],
    })
    const { body, warnings } = convertToOpenAIChatRequest(request, context)
    expect(body.messages).toEqual([
      { role: 'tool', tool_call_id: 'toolu_1', content: 'The tool returned the attachments in the next message.' },
      { role: 'tool', tool_call_id: 'toolu_2', content: '42' },
      { role: 'user', content: [{ type: 'text', text: 'Attachments returned by tool call toolu_1:' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } }] },
      { role: 'user', content: 'Continue.' },
    ])
    expect(warnings).toEqual([{ param: 'tool_result.is_error', message: 'OpenAI tool messages have no error flag; error results were sent as plain results' }])
  })

  test('developer flags, reasoning parts dropped, refusal and provider blocks', () => {
    const request = base({
      system: [{ type: 'text', text: 'Be terse.' }],
      systemDeveloper: true,
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Hi' }, { type: 'provider-block', provider: 'anthropic', block: { type: 'search_result' } }] },
        {
          role: 'assistant',
          content: [
            { type: 'reasoning', text: 'Hmm.', signature: 'sig', provider: 'anthropic' },
            { type: 'text', text: 'Hello.' },
            { type: 'text', text: 'No.', providerData: { 'openai-chat': { type: 'refusal' } } },
          ],
        },
        { role: 'system', developer: true, content: [{ type: 'text', text: 'Now formal.' }] },
      ],
    })
    expect(convertToOpenAIChatRequest(request, context).body.messages).toEqual([
      { role: 'developer', content: 'Be terse.' },
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello.', refusal: 'No.' },
      { role: 'developer', content: 'Now formal.' },
    ])
  })

  test('reasoning budget -> effort with a warning; top_k -> warning; summary -> warning', () => {
    expect([512, 1024, 1025, 8192, 8193].map(effortForBudget)).toEqual(['low', 'low', 'medium', 'medium', 'high'])
    const { body, warnings } = convertToOpenAIChatRequest(base({ reasoning: { budgetTokens: 4000, summary: 'auto' }, topK: 40 }), { modelId: 'o3' })
    expect(body.reasoning_effort).toBe('medium')
    expect(body).not.toHaveProperty('top_k')
    expect(warnings?.map((warning) => warning.param)).toEqual(['top_k', 'reasoning.summary', 'reasoning.budget_tokens'])
  })

  test('explicit effort passes through; disabled reasoning warns only for reasoning models', () => {
    expect(convertToOpenAIChatRequest(base({ reasoning: { effort: 'xhigh' } }), context).body.reasoning_effort).toBe('xhigh')
    expect(convertToOpenAIChatRequest(base({ reasoning: { disabled: true } }), { modelId: 'gpt-4o', model: { id: 'gpt-4o', capabilities: ['tools'] } }).warnings).toBeUndefined()
    const reasoningModel = { modelId: 'o3', model: { id: 'o3', capabilities: ['reasoning' as const] } }
    expect(convertToOpenAIChatRequest(base({ reasoning: { disabled: true } }), reasoningModel).warnings?.[0].param).toBe('reasoning')
  })

  test('parameters, tool choice by name, json_schema without a name', () => {
    const { body } = convertToOpenAIChatRequest(
      base({
        tools: [{ name: 'f', parameters: { type: 'object' } }],
        toolChoice: { type: 'tool', name: 'f' },
        parallelToolCalls: false,
        responseFormat: { type: 'json_schema', schema: { type: 'object' } },
        maxOutputTokens: 100, temperature: 0, topP: 1, stopSequences: ['\n\n'], seed: 1, frequencyPenalty: 0.5, presencePenalty: 0.5, user: 'u',
      }),
      context,
    )
    const { messages: _messages, ...rest } = body
    expect(rest).toEqual({
      model: 'gpt-4o',
      tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }],
      tool_choice: { type: 'function', function: { name: 'f' } },
      parallel_tool_calls: false,
      response_format: { type: 'json_schema', json_schema: { name: 'response', schema: { type: 'object' } } },
      max_completion_tokens: 100, temperature: 0, top_p: 1, stop: ['\n\n'], seed: 1, frequency_penalty: 0.5, presence_penalty: 0.5, user: 'u',
      stream: false,
    })
  })

  test('extra of its own wire format is merged verbatim; other formats are ignored', () => {
    const { body } = convertToOpenAIChatRequest(base({ extra: { 'openai-chat': { logprobs: true, service_tier: 'flex' }, 'anthropic-messages': { top_k: 5 } } }), context)
    expect(body.logprobs).toBe(true)
    expect(body.service_tier).toBe('flex')
    expect(body).not.toHaveProperty('top_k')
  })

  test('n > 1 cannot be translated: 400 on param n', () => {
    expect(() => convertToOpenAIChatRequest(base({ choices: 3 }), context)).toThrow(GatewayError)
    try {
      convertToOpenAIChatRequest(base({ choices: 3 }), context)
    } catch (error) {
      expect((error as GatewayError).param).toBe('n')
      expect((error as GatewayError).status).toBe(400)
    }
  })

  test('media OpenAI Chat cannot take: image by file id, file by URL -> 400', () => {
    const imageById = base({ messages: [{ role: 'user', content: [{ type: 'image', source: { kind: 'file-id', fileId: 'file-1' } }] }] })
    const fileByUrl = base({ messages: [{ role: 'user', content: [{ type: 'file', source: { kind: 'url', url: 'https://x/a.pdf' } }] }] })
    expect(() => convertToOpenAIChatRequest(imageById, context)).toThrow('file id')
    expect(() => convertToOpenAIChatRequest(fileByUrl, context)).toThrow('URL')
  })
})
