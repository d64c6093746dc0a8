import { describe, expect, test } from 'bun:test'
import type { CanonicalRequest } from '../../canonical/request'
import { GatewayError } from '../../errors/gateway-error'
import { openAIResponsesToCanonical } from './openai-responses-to-canonical'

const fixture = (name: string) => Bun.file(new URL(`./fixtures/${name}`, import.meta.url)).json()
const errorOf = (body: unknown) => {
  try {
    openAIResponsesToCanonical(body)
  } catch (error) {
    return error instanceof GatewayError ? { status: error.status, param: error.param, message: error.message } : error
  }
  throw new Error('expected a 400')
}

describe('openAIResponsesToCanonical on recorded requests', () => {
  test('function call history with reasoning, null fields and a tool output carrying an image (function-call-output-with-image)', async () => {
    const body = await fixture('function-call-output-with-image.request.json')
    const expected: CanonicalRequest = {
      model: 'gpt-5-mini',
      messages: [
        { role: 'user', content: [{ type: 'text', text: body.input[0].content }] },
        {
          role: 'assistant',
          content: [
            { type: 'reasoning', text: '', provider: 'openai', id: body.input[1].id, encryptedContent: body.input[1].encrypted_content },
            { type: 'tool-call', id: 'call_LcYaqAIelf550MvFIQAwze4j', name: 'get_file', arguments: '{}', providerData: { 'openai-responses': { id: 'fc_06d44f63661915fc00698a2a23f1a4819ebec6972e0f7e4d81' } } },
          ],
        },
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'call_LcYaqAIelf550MvFIQAwze4j',
              name: 'get_file',
              content: [{ type: 'image', source: { kind: 'url', url: 'https://www.gstatic.com/webp/gallery3/1.png' }, detail: 'auto' }],
            },
          ],
        },
      ],
      tools: [{ name: 'get_file', parameters: { additionalProperties: false, properties: {}, type: 'object' }, strict: false, providerData: { 'openai-responses': { description: null } } }],
      toolChoice: { type: 'auto' },
      stream: false,
      extra: { 'openai-responses': { include: ['reasoning.encrypted_content'] } },
    }
    expect(openAIResponsesToCanonical(body)).toEqual(expected)
  })

  test('instructions, json_schema text.format, an empty assistant message before a call (structured-output-json-schema + reasoning-summary)', async () => {
    const structured = openAIResponsesToCanonical(await fixture('structured-output-json-schema.request.json'))
    expect(structured.responseFormat).toEqual({
      type: 'json_schema',
      name: 'CityLocation',
      schema: { additionalProperties: false, properties: { city: { type: 'string' }, country: { type: 'string' } }, required: ['city', 'country'], type: 'object' },
      strict: true,
    })
    expect(structured.messages[1]).toEqual({ role: 'assistant', content: [{ type: 'text', text: '' }, { type: 'tool-call', id: 'call_tTAThu8l2S9hNky2krdwijGP', name: 'get_user_country', arguments: '{}' }] })
    const summary = openAIResponsesToCanonical(await fixture('reasoning-summary.request.json'))
    expect([summary.system, summary.reasoning, summary.extra]).toEqual([
      [{ type: 'text', text: 'You are a helpful coding assistant.' }],
      { effort: 'high', summary: 'auto' },
      { 'openai-responses': { include: ['reasoning.encrypted_content'] } },
    ])
  })

  test('null and empty values pass through; input_text/input_image parts keep their wire fields (stream-reasoning-function-call-usage + image-url-input)', async () => {
    const usage = openAIResponsesToCanonical(await fixture('stream-reasoning-function-call-usage.request.json'))
    expect([usage.reasoning, usage.toolChoice, usage.stream, usage.extra]).toEqual([
      { effort: 'low' },
      { type: 'required' },
      true,
      { 'openai-responses': { include: ['reasoning.encrypted_content'], previous_response_id: null, reasoning: { summary: null }, service_tier: 'flex' } },
    ])
    const image = openAIResponsesToCanonical(await fixture('image-url-input.request.json'))
    expect(image.system).toBeUndefined()
    expect(image.extra).toEqual({ 'openai-responses': { instructions: '' } })
    expect(image.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'hello', providerData: { 'openai-responses': { type: 'input_text' } } },
          { type: 'image', source: { kind: 'url', url: 'https://t3.ftcdn.net/jpg/00/85/79/92/360_F_85799278_0BBGV9OAdQDTLnKwAPBCcg1J7QtiieJY.jpg' }, detail: 'auto' },
        ],
      },
    ])
  })

  test('built-in tools and include pass through; function tools stay canonical (stream-web-search)', async () => {
    const request = openAIResponsesToCanonical(await fixture('stream-web-search.request.json'))
    expect(request.tools).toBeUndefined()
    expect(request.extra).toEqual({
      'openai-responses': { include: ['reasoning.encrypted_content', 'web_search_call.action.sources'], previous_response_id: null, tools: [{ search_context_size: 'medium', type: 'web_search' }] },
    })
  })

  test('each recorded request converts', async () => {
    const names = [...new Bun.Glob('*.request.json').scanSync(new URL('./fixtures/', import.meta.url).pathname)]
    expect(names.length).toBe(19)
    for (const name of names) expect(openAIResponsesToCanonical(await fixture(name)).messages.length).toBeGreaterThan(0)
  })
})

describe('openAIResponsesToCanonical on other shapes', () => {
  test('input string, developer and system messages in place, output_text and refusal parts of a replayed message item', () => {
    const request = openAIResponsesToCanonical({
      model: 'gpt-5',
      instructions: 'Be brief.',
      input: [
        { type: 'message', role: 'developer', content: [{ type: 'input_text', text: 'Use tools.' }] },
        { role: 'user', content: 'Hi' },
        { type: 'message', id: 'msg_1', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'Hello', annotations: [] }, { type: 'refusal', refusal: 'No.' }] },
        { role: 'system', content: 'Later rule' },
      ],
    })
    expect(request.system).toEqual([{ type: 'text', text: 'Be brief.' }])
    expect(request.messages).toEqual([
      { role: 'system', developer: true, content: [{ type: 'text', text: 'Use tools.', providerData: { 'openai-responses': { type: 'input_text' } } }], providerData: { 'openai-responses': { type: 'message' } } },
      { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Hello', providerData: { 'openai-responses': { type: 'output_text', annotations: [] } } },
          { type: 'text', text: 'No.', providerData: { 'openai-responses': { type: 'refusal' } } },
        ],
        providerData: { 'openai-responses': { type: 'message', id: 'msg_1', status: 'completed' } },
      },
      { role: 'system', content: [{ type: 'text', text: 'Later rule' }] },
    ])
    expect(openAIResponsesToCanonical({ model: 'm', input: 'Hello' }).messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }])
  })

  test('custom tools: one string parameter `input`; calls carry {"input": ...}; outputs keep their type', () => {
    const grammar = { type: 'grammar', syntax: 'lark', definition: 'start: /.+/' }
    const request = openAIResponsesToCanonical({
      model: 'gpt-5',
      tools: [{ type: 'custom', name: 'apply_patch', description: 'Edit files', format: grammar }],
      tool_choice: { type: 'custom', name: 'apply_patch' },
      input: [
        { role: 'user', content: 'Fix it' },
        { type: 'custom_tool_call', id: 'ctc_1', call_id: 'call_1', name: 'apply_patch', input: '*** Begin Patch\n*** End Patch' },
        { type: 'custom_tool_call_output', call_id: 'call_1', output: 'Done' },
      ],
    })
    expect(request.tools).toEqual([
      {
        name: 'apply_patch',
        description: 'Edit files',
        parameters: {
          type: 'object',
          properties: { input: { type: 'string', description: 'Freeform text that must match this lark grammar:\nstart: /.+/' } },
          required: ['input'],
          additionalProperties: false,
        },
        providerData: { 'openai-responses': { type: 'custom', format: grammar } },
      },
    ])
    expect(request.toolChoice).toEqual({ type: 'tool', name: 'apply_patch' })
    expect(request.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: [{ type: 'tool-call', id: 'call_1', name: 'apply_patch', arguments: '{"input":"*** Begin Patch\\n*** End Patch"}', providerData: { 'openai-responses': { type: 'custom_tool_call', id: 'ctc_1' } } }],
      },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'call_1', name: 'apply_patch', content: 'Done', providerData: { 'openai-responses': { type: 'custom_tool_call_output' } } }] },
    ])
  })

  test('built-in tool items ride along as OpenAI provider blocks; files, base64 images and audio map to canonical parts', () => {
    const request = openAIResponsesToCanonical({
      model: 'gpt-5',
      input: [
        {
          role: 'user',
          content: [
            { type: 'input_file', file_data: 'data:application/pdf;base64,JVBERi0=', filename: 'a.pdf' },
            { type: 'input_file', file_id: 'file-1' },
            { type: 'input_image', image_url: 'data:image/png;base64,iVBORw0=', detail: 'high' },
            { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
          ],
        },
        { type: 'web_search_call', id: 'ws_1', status: 'completed', action: { type: 'search', query: 'weather' } },
        { type: 'computer_call_output', call_id: 'c1', output: { type: 'computer_screenshot', image_url: 'https://x/s.png' } },
      ],
    })
    expect(request.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'file', source: { kind: 'base64', mediaType: 'application/pdf', data: 'JVBERi0=' }, mediaType: 'application/pdf', filename: 'a.pdf' },
          { type: 'file', source: { kind: 'file-id', fileId: 'file-1' } },
          { type: 'image', source: { kind: 'base64', mediaType: 'image/png', data: 'iVBORw0=' }, detail: 'high' },
          { type: 'audio', data: 'UklGRg==', format: 'wav' },
        ],
      },
      { role: 'assistant', content: [{ type: 'provider-block', provider: 'openai', block: { type: 'web_search_call', id: 'ws_1', status: 'completed', action: { type: 'search', query: 'weather' } } }] },
      { role: 'user', content: [{ type: 'provider-block', provider: 'openai', block: { type: 'computer_call_output', call_id: 'c1', output: { type: 'computer_screenshot', image_url: 'https://x/s.png' } } }] },
    ])
  })

  test('a second assistant message item starts a new assistant message; reasoning before it joins the first', () => {
    const messages = openAIResponsesToCanonical({
      model: 'gpt-5',
      input: [
        { role: 'assistant', content: 'A' },
        { type: 'reasoning', id: 'rs_1', summary: [] },
        { role: 'assistant', content: 'B' },
      ],
    }).messages
    expect(messages).toEqual([
      { role: 'assistant', content: [{ type: 'text', text: 'A' }, { type: 'reasoning', text: '', id: 'rs_1', provider: 'openai' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'B' }] },
    ])
  })

  test('stateless: previous_response_id, conversation, background and item_reference are refused naming the field', () => {
    expect(errorOf({ model: 'm', input: 'hi', previous_response_id: 'resp_1' })).toMatchObject({ status: 400, param: 'previous_response_id' })
    expect(errorOf({ model: 'm', input: 'hi', conversation: 'conv_1' })).toMatchObject({ status: 400, param: 'conversation' })
    expect(errorOf({ model: 'm', input: 'hi', background: true })).toMatchObject({ status: 400, param: 'background' })
    expect(errorOf({ model: 'm', input: [{ type: 'item_reference', id: 'msg_1' }] })).toMatchObject({ status: 400, param: 'input[0].type' })
    expect((errorOf({ model: 'm', input: 'hi', previous_response_id: 'resp_1' }) as { message: string }).message).toContain('stateless')
    // null or empty: the request is the same without it, so it passes through.
    expect(openAIResponsesToCanonical({ model: 'm', input: 'hi', previous_response_id: null }).extra).toEqual({ 'openai-responses': { previous_response_id: null } })
  })

  test('bad input gets a 400 naming the param', () => {
    expect(errorOf({ model: 'm' })).toMatchObject({ param: 'input' })
    expect(errorOf({ input: 'hi' })).toMatchObject({ param: 'model' })
    expect(errorOf({ model: 'm', input: [{ role: 'robot', content: 'x' }] })).toMatchObject({ param: 'input[0].role' })
    expect(errorOf({ model: 'm', input: [{ role: 'user', content: [{ type: 'input_video' }] }] })).toMatchObject({ param: 'input[0].content[0].type' })
    expect(errorOf({ model: 'm', input: [{ role: 'system', content: [{ type: 'input_image', image_url: 'https://x' }] }] })).toMatchObject({ param: 'input[0].content[0]' })
    expect(errorOf({ model: 'm', input: 'hi', reasoning: { effort: 'extreme' } })).toMatchObject({ param: 'reasoning.effort' })
    expect(errorOf({ model: 'm', input: 'hi', text: { format: { type: 'yaml' } } })).toMatchObject({ param: 'text.format.type' })
    expect(errorOf({ model: 'm', input: 'hi', max_output_tokens: 1.5 })).toMatchObject({ param: 'max_output_tokens' })
    expect(errorOf({ model: 'm', input: [{ type: 'function_call', name: 'f', arguments: '{}' }] })).toMatchObject({ param: 'input[0].call_id' })
  })
})
