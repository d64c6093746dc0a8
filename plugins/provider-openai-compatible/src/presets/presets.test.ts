import { describe, expect, test } from 'bun:test'
import { openAIChatDialect, type ProviderFactory } from '@tollgate/core'
import { deepseek, fireworks, groq, hostedPresets, lmstudio, localPresets, mistral, ollama, openrouter, together, vllm, xai } from '.'

const table: Array<[ProviderFactory, string, string, string, string, boolean]> = [
  // factory, id, base URL, key variable, base URL variable, fast path
  [groq, 'groq', 'https://api.groq.com/openai/v1', 'GROQ_API_KEY', 'GROQ_BASE_URL', true],
  [mistral, 'mistral', 'https://api.mistral.ai/v1', 'MISTRAL_API_KEY', 'MISTRAL_BASE_URL', false],
  [deepseek, 'deepseek', 'https://api.deepseek.com', 'DEEPSEEK_API_KEY', 'DEEPSEEK_BASE_URL', true],
  [together, 'together', 'https://api.together.xyz/v1', 'TOGETHER_API_KEY', 'TOGETHER_BASE_URL', true],
  [fireworks, 'fireworks', 'https://api.fireworks.ai/inference/v1', 'FIREWORKS_API_KEY', 'FIREWORKS_BASE_URL', true],
  [openrouter, 'openrouter', 'https://openrouter.ai/api/v1', 'OPENROUTER_API_KEY', 'OPENROUTER_BASE_URL', true],
  [xai, 'xai', 'https://api.x.ai/v1', 'XAI_API_KEY', 'XAI_BASE_URL', false],
  [ollama, 'ollama', 'http://localhost:11434/v1', 'OLLAMA_API_KEY', 'OLLAMA_BASE_URL', true],
  [vllm, 'vllm', 'http://localhost:8000/v1', 'VLLM_API_KEY', 'VLLM_BASE_URL', true],
  [lmstudio, 'lmstudio', 'http://localhost:1234/v1', 'LM_API_TOKEN', 'LMSTUDIO_BASE_URL', true],
]

/** An OpenAI client's body, through the dialect, converted by the preset. */
function convert(factory: ProviderFactory, body: Record<string, unknown>) {
  const canonical = openAIChatDialect.toCanonical({ model: 'x', messages: [{ role: 'user', content: 'Hi' }], ...body }, new Headers())
  return factory.spec.convertRequest(canonical, { modelId: 'm' })
}

describe('presets', () => {
  test.each(table)('%#: declared as data (id, base URL, env names, bearer auth, fast path)', (factory, id, baseURL, apiKey, baseURLEnv, fastPath) => {
    const { spec } = factory
    expect([spec.id, spec.defaultBaseURL, spec.env, spec.auth, spec.wireFormat]).toEqual([id, baseURL, { apiKey, baseURL: baseURLEnv }, { type: 'bearer' }, 'openai-chat'])
    expect(spec.preparePassthroughBody !== undefined).toBe(fastPath)
    expect(spec.alternateFormats).toBeUndefined()
    const ids = spec.models.map((model) => model.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  test('hosted presets carry a catalogue; local servers do not (their models are whatever is loaded)', () => {
    expect(hostedPresets.every((preset) => preset.spec.models.length >= 4)).toBe(true)
    expect(localPresets.map((preset) => preset.spec.models.length)).toEqual([0, 0, 0])
  })

  test('renames: max_completion_tokens -> max_tokens where the service wants it; Mistral also seed -> random_seed', () => {
    const renamed = table.filter(([factory]) => factory.spec.renames?.max_completion_tokens === 'max_tokens').map(([, id]) => id)
    expect(renamed).toEqual(['mistral', 'deepseek', 'together', 'fireworks', 'openrouter', 'ollama', 'lmstudio'])
    expect(mistral.spec.renames).toEqual({ max_completion_tokens: 'max_tokens', seed: 'random_seed' })
  })

  test('Mistral: OpenAI-only hints dropped with warnings, no stream_options, developer sent as system', () => {
    const { body, warnings } = convert(mistral, {
      messages: [{ role: 'developer', content: 'Be brief.' }, { role: 'user', content: 'Hi' }],
      stream: true,
      stream_options: { include_usage: true },
      user: 'u-1',
      store: false,
      max_tokens: 50,
      seed: 3,
    })
    expect(body).toEqual({ model: 'm', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }], max_completion_tokens: 50, seed: 3, stream: true })
    expect(warnings).toEqual([
      { param: 'user', message: "Mistral does not accept 'user'; it was not sent" },
      { param: 'store', message: "Mistral does not accept 'store'; it was not sent" },
    ])
  })

  test('DeepSeek: earlier reasoning goes back as reasoning_content (required in thinking-mode tool loops)', () => {
    const { body } = convert(deepseek, {
      messages: [
        { role: 'user', content: 'Weather?' },
        { role: 'assistant', content: null, reasoning_content: 'Use the tool.', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'weather', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'c1', content: 'sunny' },
      ],
    })
    expect((body.messages as any[])[1]).toEqual({ role: 'assistant', content: null, reasoning_content: 'Use the tool.', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'weather', arguments: '{}' } }] })
  })

  test('OpenRouter: earlier reasoning goes back with its details (signatures survive)', () => {
    const detail = { type: 'reasoning.text', text: 'Think.', signature: 'sig', format: 'anthropic-claude-v1', index: 0 }
    const { body } = convert(openrouter, { messages: [{ role: 'assistant', content: 'Hi', reasoning_details: [detail] }] })
    expect((body.messages as any[])[0]).toEqual({ role: 'assistant', reasoning_content: 'Think.', reasoning_details: [detail], content: 'Hi' })
  })

  test('other presets keep OpenAI behaviour: reasoning of earlier turns dropped, stream usage asked for, no warnings', () => {
    for (const factory of [groq, together, fireworks, xai, ollama, vllm, lmstudio]) {
      const { body, warnings } = convert(factory, { stream: true, user: 'u-1', messages: [{ role: 'assistant', content: 'Hi', reasoning_content: 'Think.' }] })
      expect([body.messages, body.stream_options, body.user, warnings]).toEqual([[{ role: 'assistant', content: 'Hi' }], { include_usage: true }, 'u-1', undefined])
    }
  })

  test('model prefixes only where unambiguous', () => {
    expect(Object.fromEntries(table.filter(([factory]) => factory.spec.modelPrefixes).map(([factory, id]) => [id, factory.spec.modelPrefixes]))).toEqual({
      mistral: ['mistral-', 'magistral-', 'codestral-', 'devstral-', 'ministral-', 'pixtral-', 'open-mistral-', 'open-mixtral-'],
      deepseek: ['deepseek-chat', 'deepseek-reasoner', 'deepseek-v'],
      fireworks: ['accounts/fireworks/'],
      xai: ['grok-'],
    })
  })
})
