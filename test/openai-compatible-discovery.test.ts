import { describe, expect, test } from 'bun:test'
import { createProvider } from '@tollgate/core'
import { discoverProviders } from '../core/src/runtime/load-config'

const ids = async (env: Record<string, string>) => (await discoverProviders(env)).map((entry) => entry.spec.id)

describe('zero config: OpenAI-compatible presets, local servers and Azure from the environment', () => {
  test('a preset whose key is set is enabled beside the built-in providers, before the mock', async () => {
    expect(await ids({ OPENAI_API_KEY: 'sk-x', GROQ_API_KEY: 'gsk-x', DEEPSEEK_API_KEY: 'sk-d' })).toEqual(['openai', 'groq', 'deepseek', 'mock'])
  })

  test('nothing compatible in the environment: the usual providers only', async () => {
    expect(await ids({ ANTHROPIC_API_KEY: 'sk-ant-x' })).toEqual(['anthropic', 'mock'])
  })

  test('local servers only with their BASE_URL variable, keyless', async () => {
    expect(await ids({ OLLAMA_API_KEY: 'k' })).toEqual(['mock'])
    const env = { OLLAMA_BASE_URL: 'http://gpu-box:11434/v1/' }
    const [ollama] = await discoverProviders(env)
    const provider = createProvider(ollama, env)
    expect([provider.id, provider.baseURL, provider.apiKey]).toEqual(['ollama', 'http://gpu-box:11434/v1', undefined])
  })

  test('core resolves the discovered preset key and base URL from the same variables', async () => {
    const env = { MISTRAL_API_KEY: 'mistral-secret', MISTRAL_BASE_URL: 'https://eu.mistral.example/v1' }
    const [mistral] = await discoverProviders(env)
    const provider = createProvider(mistral, env)
    expect([provider.id, provider.apiKey, provider.baseURL]).toEqual(['mistral', 'mistral-secret', 'https://eu.mistral.example/v1'])
  })

  test('Azure OpenAI with AZURE_OPENAI_API_KEY and AZURE_OPENAI_ENDPOINT (the OpenAI SDK variables)', async () => {
    const env = { AZURE_OPENAI_API_KEY: 'azure-secret', AZURE_OPENAI_ENDPOINT: 'https://contoso.openai.azure.com/', OPENAI_API_VERSION: '2024-06-01' }
    const [azure] = await discoverProviders(env)
    const provider = createProvider(azure, env)
    expect([provider.id, provider.apiKey, provider.baseURL]).toEqual(['azure', 'azure-secret', 'https://contoso.openai.azure.com/openai'])
    expect(azure.spec.passthroughPath!({ modelId: 'gpt-4o' }, false)).toBe('/deployments/gpt-4o/chat/completions?api-version=2024-06-01')
  })
})
