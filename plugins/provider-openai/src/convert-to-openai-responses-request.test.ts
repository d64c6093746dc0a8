import { describe, expect, test } from 'bun:test'
import { GatewayError, type CanonicalRequest } from '@tollgate/core'
import { convertToOpenAIResponsesRequest } from './convert-to-openai-responses-request'

const context = { modelId: 'gpt-5', model: { id: 'gpt-5', capabilities: ['reasoning' as const] } }

describe('convertToOpenAIResponsesRequest from other dialects', () => {
  test('Anthropic-style conversation: system parts become instructions, thinking is left out, tool results in a user turn become outputs', () => {
    const request: CanonicalRequest = {
      model: 'gpt-5',
      system: [{ type: 'text', text: 'Be brief.' }, { type: 'text', text: 'Use tools.', providerData: { anthropic: { cache_control: { type: 'ephemeral' } } } }],
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Weather?' }, { type: 'image', source: { kind: 'base64', mediaType: 'image/png', data: 'iVBORw0=' } }] },
        {
          role: 'assistant',
          content: [
            { type: 'reasoning', text: 'Need the tool.', signature: 'EqQB', provider: 'anthropic' },
            { type: 'text', text: 'Checking.' },
            { type: 'tool-call', id: 'toolu_1', name: 'weather', arguments: '{"city":"Paris"}' },
            { type: 'provider-block', provider: 'anthropic', block: { type: 'server_tool_use' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool-result', toolCallId: 'toolu_1', content: [{ type: 'text', text: 'Sunny' }, { type: 'image', source: { kind: 'url', url: 'https://x/map.png' } }], isError: true },
            { type: 'text', text: 'Thanks' },
          ],
        },
      ],
      tools: [{ name: 'weather', description: 'Get weather', parameters: { type: 'object', properties: { city: { type: 'string' } } }, providerData: { anthropic: { cache_control: { type: 'ephemeral' } } } }],
      toolChoice: { type: 'tool', name: 'weather' },
      maxOutputTokens: 1024,
      reasoning: { budgetTokens: 2048 },
      stopSequences: ['END'],
      stream: true,
      extra: { 'anthropic-messages': { container: 'c_1' } },
    }
    expect(convertToOpenAIResponsesRequest(request, context)).toEqual({
      body: {
        model: 'gpt-5',
        instructions: 'Be brief.\n\nUse tools.',
        input: [
          { role: 'user', content: [{ type: 'input_text', text: 'Weather?' }, { type: 'input_image', image_url: 'data:image/png;base64,iVBORw0=' }] },
          { role: 'assistant', content: 'Checking.' },
          { type: 'function_call', call_id: 'toolu_1', name: 'weather', arguments: '{"city":"Paris"}' },
          { type: 'function_call_output', call_id: 'toolu_1', output: [{ type: 'input_text', text: 'Sunny' }, { type: 'input_image', image_url: 'https://x/map.png' }] },
          { role: 'user', content: 'Thanks' },
        ],
        tools: [{ type: 'function', name: 'weather', description: 'Get weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }],
        tool_choice: { type: 'function', name: 'weather' },
        reasoning: { effort: 'medium' },
        max_output_tokens: 1024,
        stream: true,
      },
      warnings: [
        { param: 'tool_result.is_error', message: 'Responses tool outputs have no error flag; error results were sent as plain results' },
        { param: 'reasoning.budget_tokens', message: "OpenAI takes an effort, not a token budget: 2048 tokens sent as reasoning.effort 'medium'" },
        { param: 'stop', message: 'not supported by the OpenAI Responses API; not sent' },
      ],
    })
  })

  test('OpenAI reasoning carried through an OpenAI Chat client comes back as a reasoning item; json_object and summary map', () => {
    const request: CanonicalRequest = {
      model: 'gpt-5',
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
        { role: 'assistant', content: [{ type: 'reasoning', text: 'Summary.', encryptedContent: 'gAAAAABo', id: 'rs_123', provider: 'openai' }, { type: 'text', text: 'Hello' }] },
        { role: 'user', content: [{ type: 'text', text: 'Again' }] },
      ],
      responseFormat: { type: 'json_object' },
      reasoning: { effort: 'low', summary: 'detailed' },
      user: 'u1',
      stream: false,
      extra: { 'openai-chat': { logit_bias: {} } },
    }
    expect(convertToOpenAIResponsesRequest(request, context).body).toEqual({
      model: 'gpt-5',
      input: [
        { role: 'user', content: 'Hi' },
        { type: 'reasoning', id: 'rs_123', summary: [{ type: 'summary_text', text: 'Summary.' }], encrypted_content: 'gAAAAABo' },
        { role: 'assistant', content: 'Hello' },
        { role: 'user', content: 'Again' },
      ],
      text: { format: { type: 'json_object' } },
      reasoning: { effort: 'low', summary: 'detailed' },
      user: 'u1',
      stream: false,
    })
  })

  test('n > 1 is refused naming n; unsupported sampling parameters are reported', () => {
    const base: CanonicalRequest = { model: 'gpt-5', messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }], stream: false, extra: {} }
    expect(() => convertToOpenAIResponsesRequest({ ...base, choices: 2 }, context)).toThrow(GatewayError)
    const converted = convertToOpenAIResponsesRequest({ ...base, choices: 1, seed: 1, topK: 5, frequencyPenalty: 0.1, presencePenalty: 0.2, reasoning: { disabled: true } }, context)
    expect(converted.warnings?.map((warning) => warning.param)).toEqual(['reasoning', 'top_k', 'seed', 'frequency_penalty', 'presence_penalty'])
    expect(Object.keys(converted.body)).toEqual(['model', 'input', 'stream'])
  })
})
