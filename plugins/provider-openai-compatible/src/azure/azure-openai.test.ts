import { describe, expect, test } from 'bun:test'
import { azureOpenAI, resolveAzureBaseURL } from './azure-openai'

const path = (entry: ReturnType<typeof azureOpenAI>) => entry.spec.convertRequest({ model: 'gpt-4o', messages: [], stream: false, extra: {} }, { modelId: 'gpt-4o' }).path

describe('azureOpenAI', () => {
  test('from a resource name: deployment URLs with the default GA api-version; key, headers and transport as settings', () => {
    const fetch = (async () => new Response()) as any
    const entry = azureOpenAI({ resource: 'contoso', apiKey: 'azure-key', deployments: { 'gpt-4o': 'prod-4o' }, headers: { 'x-ms-client': 'tollgate' }, fetch, env: {} })
    expect(entry.spec.defaultBaseURL).toBe('https://contoso.openai.azure.com/openai')
    expect(path(entry)).toBe('/deployments/prod-4o/chat/completions?api-version=2024-10-21')
    expect(entry.settings).toEqual({ apiKey: 'azure-key', headers: { 'x-ms-client': 'tollgate' }, fetch })
  })

  test('api-version from AZURE_OPENAI_API_VERSION, else OPENAI_API_VERSION (the SDK variable); the option wins', () => {
    expect(path(azureOpenAI({ resource: 'c', env: { OPENAI_API_VERSION: '2024-06-01' } }))).toEndWith('?api-version=2024-06-01')
    expect(path(azureOpenAI({ resource: 'c', env: { OPENAI_API_VERSION: '2024-06-01', AZURE_OPENAI_API_VERSION: '2025-04-01-preview' } }))).toEndWith('?api-version=2025-04-01-preview')
    expect(path(azureOpenAI({ resource: 'c', apiVersion: '2024-02-01', env: { AZURE_OPENAI_API_VERSION: '2025-04-01-preview' } }))).toEndWith('?api-version=2024-02-01')
  })

  test('the v1 API: a base URL ending in /openai/v1, or apiVersion v1', () => {
    const byURL = azureOpenAI({ baseURL: 'https://contoso.openai.azure.com/openai/v1/', env: { OPENAI_API_VERSION: '2024-10-21' } })
    expect([byURL.spec.defaultBaseURL, path(byURL)]).toEqual(['https://contoso.openai.azure.com/openai', '/v1/chat/completions'])
    expect(path(azureOpenAI({ resource: 'contoso', apiVersion: 'v1', env: {} }))).toBe('/v1/chat/completions')
  })

  test('AZURE_OPENAI_ENDPOINT as the OpenAI SDK takes it (no /openai), with or without a trailing slash', () => {
    expect(azureOpenAI({ env: { AZURE_OPENAI_ENDPOINT: 'https://contoso.openai.azure.com/' } }).spec.defaultBaseURL).toBe('https://contoso.openai.azure.com/openai')
    expect(resolveAzureBaseURL({ endpoint: 'https://proxy.example/openai' }, {})).toEqual({ baseURL: 'https://proxy.example/openai', v1: false })
  })

  test('without a resource, endpoint or base URL it says what is missing', () => {
    expect(() => azureOpenAI({ env: {} })).toThrow('azureOpenAI needs `resource`, `endpoint` or `baseURL` (or AZURE_OPENAI_ENDPOINT in the environment)')
  })
})
