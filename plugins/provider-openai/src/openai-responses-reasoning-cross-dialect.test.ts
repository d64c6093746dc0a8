import { describe, expect, test } from 'bun:test'
import { openAIChatDialect, parseSse } from '@tollgate/core'
import { readResponsesFixture, readResponsesJsonFixture } from '../test-support/read-responses-fixture'
import { convertOpenAIResponsesResponse } from './convert-openai-responses-response'
import { convertToOpenAIResponsesRequest } from './convert-to-openai-responses-request'
import { createOpenAIResponsesStreamConverter } from './openai-responses-stream-converter'

const chatContext = { model: 'gpt-5.1-codex-max', requestId: 'req_1', includeUsage: false }

/** What an OpenAI Chat client (OpenRouter convention) accumulates from a stream: content, reasoning_details, tool calls. */
function accumulateChatStream(sse: string) {
  const message: Record<string, any> = { role: 'assistant', content: '', reasoning_details: [], tool_calls: [] }
  for (const event of parseSse(sse)) {
    if (event.data === '[DONE]') break
    const delta = JSON.parse(event.data).choices?.[0]?.delta ?? {}
    message.content += delta.content ?? ''
    message.reasoning_details.push(...(delta.reasoning_details ?? []))
    for (const call of delta.tool_calls ?? []) {
      const existing = message.tool_calls[call.index]
      if (existing) existing.function.arguments += call.function.arguments
      else message.tool_calls[call.index] = { id: call.id, type: 'function', function: { name: call.function.name, arguments: call.function.arguments } }
    }
  }
  return message
}

/** The Chat client's next turn: its history (assistant message as received + the tool result) → Responses upstream body. */
function nextTurnToResponses(assistant: Record<string, unknown>, callId: string) {
  const body = {
    model: 'gpt-5.1-codex-max',
    messages: [{ role: 'user', content: 'Compute (12 + 7) * 3 * 10 with the calculator.' }, assistant, { role: 'tool', tool_call_id: callId, content: '19' }],
  }
  const canonical = openAIChatDialect.toCanonical(structuredClone(body), new Headers())
  return convertToOpenAIResponsesRequest(canonical, { modelId: 'gpt-5.1-codex-max' }).body as { input: Array<Record<string, unknown>> }
}

describe('OpenAI encrypted reasoning: Responses upstream → OpenAI Chat client → back to the Responses API', () => {
  test('stream: reasoning_details (format openai-responses-v1) carry the encrypted content, which comes back byte-identical', async () => {
    const sse = await readResponsesFixture('stream-reasoning-encrypted-content.step1.sse')
    const upstreamItems = parseSse(sse)
      .map((event) => JSON.parse(event.data))
      .filter((data) => data.type === 'response.output_item.done')
      .map((data) => data.item)
    const [reasoning, call] = upstreamItems

    const converter = createOpenAIResponsesStreamConverter({ modelId: 'gpt-5.1-codex-max' })
    const renderer = openAIChatDialect.createStreamRenderer(chatContext)
    const chatSse = [...parseSse(sse).flatMap((event) => converter.event(event)), ...converter.end()].map((event) => renderer.render(event)).join('')
    const assistant = accumulateChatStream(chatSse)
    expect(assistant.reasoning_details.find((detail: any) => detail.type === 'reasoning.encrypted')).toEqual({
      type: 'reasoning.encrypted',
      data: reasoning.encrypted_content,
      index: 0,
      format: 'openai-responses-v1',
      id: reasoning.id,
    })
    expect(assistant.tool_calls).toEqual([{ id: call.call_id, type: 'function', function: { name: 'calculator', arguments: call.arguments } }])

    const input = nextTurnToResponses(assistant, call.call_id).input
    expect(input.slice(1)).toEqual([
      // The reasoning item is directly followed by its call, as OpenAI requires (the empty chat content adds no message item).
      { type: 'reasoning', id: reasoning.id, summary: reasoning.summary, encrypted_content: reasoning.encrypted_content },
      { type: 'function_call', call_id: call.call_id, name: 'calculator', arguments: call.arguments },
      { type: 'function_call_output', call_id: call.call_id, output: '19' },
    ])
    expect(input[1].encrypted_content === reasoning.encrypted_content).toBe(true)
  })

  test('JSON: the same through a non-stream response (response-reasoning-encrypted-content)', async () => {
    const recorded = await readResponsesJsonFixture('response-reasoning-encrypted-content.response.json')
    const [reasoning, message] = recorded.output
    const chat = openAIChatDialect.renderResponse(convertOpenAIResponsesResponse(recorded, { modelId: recorded.model }), chatContext) as any
    const assistant = chat.choices[0].message
    expect(assistant.reasoning_details).toEqual([
      { type: 'reasoning.text', text: reasoning.summary[0].text, format: 'openai-responses-v1', index: 0, id: reasoning.id },
      { type: 'reasoning.encrypted', data: reasoning.encrypted_content, format: 'openai-responses-v1', index: 0, id: reasoning.id },
    ])
    const canonical = openAIChatDialect.toCanonical({ model: 'gpt-5-mini', messages: [{ role: 'user', content: 'Go' }, assistant, { role: 'user', content: 'Thanks' }] }, new Headers())
    const input = (convertToOpenAIResponsesRequest(canonical, { modelId: 'gpt-5-mini' }).body as any).input
    expect(input.slice(1, 3)).toEqual([
      { type: 'reasoning', id: reasoning.id, summary: reasoning.summary, encrypted_content: reasoning.encrypted_content },
      { role: 'assistant', content: message.content[0].text },
    ])
  })
})
