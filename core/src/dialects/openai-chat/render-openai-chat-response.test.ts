import { describe, expect, test } from 'bun:test'
import { createUsage } from '../../canonical/usage'
import type { CanonicalResponse } from '../../canonical/response'
import { renderOpenAIChatResponse } from './render-openai-chat-response'
import reasoningO3Mini from './fixtures/reasoning-o3-mini.response.json'
import refusal from './fixtures/response-refusal.response.json'
import toolCallsParallel from './fixtures/response-tool-calls-parallel.response.json'

const context = (model: string) => ({ model, requestId: 'req_1', includeUsage: false })

/** The recorded body minus what the gateway does not reproduce (system_fingerprint, service_tier, annotations). */
function recorded(body: any, usage: Record<string, unknown>) {
  const { system_fingerprint: _fingerprint, service_tier: _tier, ...rest } = structuredClone(body)
  delete rest.choices[0].message.annotations
  return { ...rest, usage }
}

describe('renderOpenAIChatResponse', () => {
  test('parallel tool calls: content null, tool_calls, finish_reason tool_calls (response-tool-calls-parallel)', () => {
    const response: CanonicalResponse = {
      id: 'chatcmpl-ABfvyvfNWKcl7Ohqos4UFrmMs1v4C',
      model: 'gpt-4o-2024-08-06',
      created: 1727346166,
      content: toolCallsParallel.choices[0].message.tool_calls.map((call) => ({ type: 'tool-call', id: call.id, name: call.function.name, arguments: call.function.arguments })),
      finishReason: 'tool-calls',
      usage: createUsage({ noCache: 149, text: 60 }),
    }
    expect(renderOpenAIChatResponse(response, context('gpt-4o-2024-08-06'))).toEqual(
      recorded(toolCallsParallel, { prompt_tokens: 149, completion_tokens: 60, total_tokens: 209, prompt_tokens_details: { cached_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 0 } }),
    )
  })

  test('refusal: content null, refusal text, finish_reason stop (response-refusal)', () => {
    const response: CanonicalResponse = {
      id: 'chatcmpl-ABfvwoKVWPQj2UPlAcAKM7s40GsRx',
      model: 'gpt-4o-2024-08-06',
      created: 1727346164,
      content: [],
      refusal: "I'm very sorry, but I can't assist with that.",
      finishReason: 'refusal',
      usage: createUsage({ noCache: 79, text: 12 }),
    }
    expect(renderOpenAIChatResponse(response, context('gpt-4o-2024-08-06'))).toEqual(
      recorded(refusal, { prompt_tokens: 79, completion_tokens: 12, total_tokens: 91, prompt_tokens_details: { cached_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 0 } }),
    )
  })

  test('text with reasoning tokens; model shown is the one the client asked for (reasoning-o3-mini)', () => {
    const response: CanonicalResponse = {
      id: reasoningO3Mini.id,
      model: 'o3-mini-2025-01-31',
      created: reasoningO3Mini.created,
      content: [{ type: 'text', text: reasoningO3Mini.choices[0].message.content }],
      finishReason: 'stop',
      usage: createUsage({ noCache: 11, text: 41, reasoning: 768 }),
    }
    const rendered = renderOpenAIChatResponse(response, context('o3-mini'))
    expect(rendered).toEqual({
      ...recorded(reasoningO3Mini, { prompt_tokens: 11, completion_tokens: 809, total_tokens: 820, prompt_tokens_details: { cached_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 768 } }),
      model: 'o3-mini',
      choices: [{ ...reasoningO3Mini.choices[0], message: { role: 'assistant', content: reasoningO3Mini.choices[0].message.content, refusal: null }, logprobs: null }],
    })
  })

  test('reasoning parts -> reasoning_content + reasoning_details; cache writes -> cache_write_tokens', () => {
    const response: CanonicalResponse = {
      id: 'msg_01',
      model: 'claude-sonnet-4-5',
      created: 1,
      content: [
        { type: 'reasoning', text: 'Two plus two.', signature: 'EqQB', provider: 'anthropic' },
        { type: 'text', text: '4' },
      ],
      finishReason: 'stop-sequence',
      stopSequence: '###',
      usage: createUsage({ noCache: 3, cacheRead: 100, cacheWrite: 50, text: 1 }),
    }
    const rendered = renderOpenAIChatResponse(response, context('claude'))
    expect(rendered.choices[0]).toEqual({
      index: 0,
      message: {
        role: 'assistant',
        content: '4',
        refusal: null,
        reasoning_content: 'Two plus two.',
        reasoning_details: [{ type: 'reasoning.text', text: 'Two plus two.', signature: 'EqQB', format: 'anthropic-claude-v1', index: 0 }],
      },
      logprobs: null,
      finish_reason: 'stop',
    })
    expect(rendered.usage).toEqual({
      prompt_tokens: 153,
      completion_tokens: 1,
      total_tokens: 154,
      prompt_tokens_details: { cached_tokens: 100, cache_write_tokens: 50 },
      completion_tokens_details: { reasoning_tokens: 0 },
    })
  })

  test('an empty answer without tool calls has content "" (not null); provider blocks are skipped', () => {
    const rendered = renderOpenAIChatResponse(
      { id: 'x', model: 'm', created: 1, content: [{ type: 'provider-block', provider: 'anthropic', block: { type: 'server_tool_use' } }], finishReason: 'length', usage: createUsage({}) },
      context('m'),
    )
    expect(rendered.choices[0].message).toEqual({ role: 'assistant', content: '', refusal: null })
    expect(rendered.choices[0].finish_reason).toBe('length')
  })
})
