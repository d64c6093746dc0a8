import { describe, expect, test } from 'bun:test'
import { discover, parseDeployments } from './discover'

const ids = (env: Record<string, string>) => discover(env).map((entry) => entry.spec.id)

describe('discover (zero config)', () => {
  test('nothing set, nothing enabled', () => {
    expect(ids({})).toEqual([])
  })

  test('a hosted preset is enabled by its key variable; settings stay empty (core reads the key itself)', () => {
    const entries = discover({ GROQ_API_KEY: 'gsk-1', XAI_API_KEY: 'xai-1' })
    expect(entries.map((entry) => entry.spec.id)).toEqual(['groq', 'xai'])
    expect(entries.map((entry) => entry.settings)).toEqual([{}, {}])
  })

  test('every hosted preset, in a fixed order', () => {
    const env = { GROQ_API_KEY: 'k', MISTRAL_API_KEY: 'k', DEEPSEEK_API_KEY: 'k', TOGETHER_API_KEY: 'k', FIREWORKS_API_KEY: 'k', OPENROUTER_API_KEY: 'k', XAI_API_KEY: 'k' }
    expect(ids(env)).toEqual(['groq', 'mistral', 'deepseek', 'together', 'fireworks', 'openrouter', 'xai'])
  })

  test('local servers only with their base URL variable; a key alone does not enable them', () => {
    expect(ids({ OLLAMA_API_KEY: 'k', VLLM_API_KEY: 'k', LM_API_TOKEN: 'k' })).toEqual([])
    expect(ids({ OLLAMA_BASE_URL: 'http://gpu:11434/v1', VLLM_BASE_URL: 'http://gpu:8000/v1', LMSTUDIO_BASE_URL: 'http://localhost:1234/v1' })).toEqual(['ollama', 'vllm', 'lmstudio'])
  })

  test('Azure OpenAI with key and endpoint, deployments from AZURE_OPENAI_DEPLOYMENTS', () => {
    expect(ids({ AZURE_OPENAI_API_KEY: 'k' })).toEqual([])
    const [azure] = discover({ AZURE_OPENAI_API_KEY: 'k', AZURE_OPENAI_ENDPOINT: 'https://contoso.openai.azure.com', AZURE_OPENAI_DEPLOYMENTS: 'gpt-4o=prod-4o, gpt-4o-mini' })
    expect([azure.spec.id, azure.spec.defaultBaseURL]).toEqual(['azure', 'https://contoso.openai.azure.com/openai'])
    expect(azure.spec.models.map((model) => model.id)).toEqual(['gpt-4o', 'gpt-4o-mini'])
    expect(azure.spec.convertRequest({ model: 'gpt-4o', messages: [], stream: false, extra: {} }, { modelId: 'gpt-4o' }).path).toBe('/deployments/prod-4o/chat/completions?api-version=2024-10-21')
  })
})

test('parseDeployments: model=deployment pairs, a bare model is its own deployment', () => {
  expect(parseDeployments('gpt-4o=prod-4o,  gpt-4o-mini ,o3=')).toEqual({ 'gpt-4o': 'prod-4o', 'gpt-4o-mini': 'gpt-4o-mini', o3: 'o3' })
  expect(parseDeployments(' ')).toBeUndefined()
})
