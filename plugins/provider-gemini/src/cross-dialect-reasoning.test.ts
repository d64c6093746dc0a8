import { describe, expect, test } from 'bun:test'
import { anthropicMessagesDialect, openAIChatDialect, parseSse, SKIP_THOUGHT_SIGNATURE_VALIDATOR } from '@tollgate/core'
import { readFixture, readJsonFixture } from '../test-support/read-fixture'
import { convertGeminiResponse } from './convert-gemini-response'
import { convertToGeminiRequest } from './convert-to-gemini-request'
import { createGeminiStreamConverter } from './gemini-stream-converter'

const context = { modelId: 'gemini-3-flash-preview' }
const renderContext = { model: 'gemini-3-flash-preview', requestId: 'r', includeUsage: false }

/** The model content Gemini gets back when an OpenAI client returns the assistant message with its tool results. */
function replayThroughOpenAI(assistant: Record<string, any>) {
  const results = (assistant.tool_calls ?? []).map((call: any) => ({ role: 'tool', tool_call_id: call.id, content: '{"topic":"cars"}' }))
  const body = { model: 'gemini-3-flash-preview', messages: [{ role: 'user', content: 'Tell three jokes.' }, assistant, ...results] }
  return convertToGeminiRequest(openAIChatDialect.toCanonical(body, new Headers()), context)
}

describe('Gemini thought signatures through an OpenAI Chat client (OpenRouter reasoning_details)', () => {
  test('non-stream: the signature rides as reasoning.encrypted with the call id and comes back on its call', async () => {
    const recorded = await readJsonFixture('parallel-function-calls.response.json')
    const message = (openAIChatDialect.renderResponse(convertGeminiResponse(recorded, context), renderContext) as any).choices[0].message
    const signature = recorded.candidates[0].content.parts[0].thoughtSignature
    expect(message.reasoning_details).toEqual([{ type: 'reasoning.encrypted', data: signature, format: 'google-gemini-v1', index: 0, id: 'gemini_wOd8abGuO5rgz7IP5tLEGA_0' }])
    expect(message.tool_calls.map((call: any) => call.id)).toEqual(['gemini_wOd8abGuO5rgz7IP5tLEGA_0', 'gemini_wOd8abGuO5rgz7IP5tLEGA_1', 'gemini_wOd8abGuO5rgz7IP5tLEGA_2'])
    const { body, warnings } = replayThroughOpenAI(message)
    expect((body as any).contents[1]).toEqual({ role: 'model', parts: recorded.candidates[0].content.parts })
    expect((body as any).contents[2].parts.map((part: any) => part.functionResponse)).toEqual([0, 1, 2].map(() => ({ name: 'generate_topic', response: { topic: 'cars' } })))
    expect(warnings).toBeUndefined()
  })

  test('stream: reasoning_details deltas carry the signature; the client-assembled message brings it back', async () => {
    const converter = createGeminiStreamConverter(context)
    const renderer = openAIChatDialect.createStreamRenderer(renderContext)
    const upstream = parseSse(await readFixture('stream-function-call-gemini3.sse'))
    const rendered = [...upstream.flatMap((event) => converter.event(event)), ...converter.end()].map((event) => renderer.render(event)).join('')
    // Fold the deltas as an OpenAI client does: tool calls by index, reasoning_details items kept.
    const assistant: Record<string, any> = { role: 'assistant', content: null, tool_calls: [], reasoning_details: [] }
    for (const { data } of parseSse(rendered)) {
      if (data === '[DONE]') continue
      const delta = JSON.parse(data).choices[0]?.delta ?? {}
      assistant.reasoning_details.push(...(delta.reasoning_details ?? []))
      for (const call of delta.tool_calls ?? []) {
        const slot = (assistant.tool_calls[call.index] ??= { id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } })
        slot.function.arguments += call.function.arguments ?? ''
      }
    }
    const original = JSON.parse(upstream[0].data).candidates[0].content.parts[0]
    expect(assistant.reasoning_details).toEqual([{ type: 'reasoning.encrypted', data: original.thoughtSignature, index: 0, format: 'google-gemini-v1', id: 'gemini_b36LacjwM668nsEP2tbsgQQ_0' }])
    expect((replayThroughOpenAI(assistant).body as any).contents[1]).toEqual({ role: 'model', parts: [original] })
  })

  test('thought summaries and the answer signature (thinking.response.json) come back as thought part and signed text', async () => {
    const recorded = await readJsonFixture('thinking.response.json')
    const message = (openAIChatDialect.renderResponse(convertGeminiResponse(recorded, context), renderContext) as any).choices[0].message
    expect(message.reasoning_content).toBe(recorded.candidates[0].content.parts[0].text)
    expect((replayThroughOpenAI(message).body as any).contents[1].parts).toEqual(recorded.candidates[0].content.parts)
  })
})

describe('Gemini thought signatures through an Anthropic client (closest faithful mapping)', () => {
  test('thoughts show as thinking; signatures cannot ride along, so Gemini 3 gets the documented placeholder on the call', async () => {
    const recorded = await readJsonFixture('parallel-function-calls.response.json')
    const message = anthropicMessagesDialect.renderResponse(convertGeminiResponse(recorded, context), renderContext) as any
    expect(message.content.map((block: any) => block.type)).toEqual(['tool_use', 'tool_use', 'tool_use'])
    const results = message.content.map((block: any) => ({ type: 'tool_result', tool_use_id: block.id, content: 'cars' }))
    const body = { model: 'gemini-3-flash-preview', max_tokens: 100, messages: [{ role: 'user', content: 'Tell three jokes.' }, { role: 'assistant', content: message.content }, { role: 'user', content: results }] }
    const { body: sent, warnings } = convertToGeminiRequest(anthropicMessagesDialect.toCanonical(body, new Headers()), context)
    expect((sent as any).contents[1].parts).toEqual([
      { functionCall: { name: 'generate_topic', args: {} }, thoughtSignature: SKIP_THOUGHT_SIGNATURE_VALIDATOR },
      { functionCall: { name: 'generate_topic', args: {} } },
      { functionCall: { name: 'generate_topic', args: {} } },
    ])
    expect(warnings?.map((warning) => warning.param)).toEqual(['messages'])
  })
})
