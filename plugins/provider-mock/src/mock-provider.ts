import { defineProvider, type CanonicalResponse, type ProviderFactoryResult, type StreamEvent } from '@tollgate/core'
import { createMockFetch, type MockOptions } from './create-mock-fetch'
import { mockEmbeddings } from './mock-embeddings'

/**
 * A deterministic provider for demos and tests: `mock/echo`, `mock/tools`, `mock/reasoning`, and the
 * embedding model `mock/embed` (deterministic unit vectors).
 * Its wire format is the canonical form, so it exercises every dialect without a network.
 */
export const mockProvider = defineProvider({
  specificationVersion: 'v1',
  id: 'mock',
  name: 'Mock (deterministic, offline)',
  wireFormat: 'tollgate-canonical',
  defaultBaseURL: 'mock://local',
  auth: { type: 'none' },
  endpoints: { chat: '/chat' },
  models: [
    { id: 'echo', type: 'chat', contextWindow: 1_000_000, maxOutputTokens: 100_000, defaultMaxTokens: 4096, capabilities: ['tools', 'vision', 'json_schema'] },
    { id: 'tools', type: 'chat', contextWindow: 1_000_000, maxOutputTokens: 100_000, defaultMaxTokens: 4096, capabilities: ['tools', 'json_schema'] },
    { id: 'reasoning', type: 'chat', contextWindow: 1_000_000, maxOutputTokens: 100_000, defaultMaxTokens: 4096, capabilities: ['tools', 'reasoning'] },
    { id: 'embed', type: 'embedding', contextWindow: 8_192 },
  ],
  embeddings: mockEmbeddings,
  convertRequest: (request, context) => ({ body: { ...request, ...request.extra['tollgate-canonical'], model: context.modelId } }),
  convertResponse: (body: CanonicalResponse) => body,
  createStreamConverter() {
    let terminal = false
    return {
      event(event) {
        const parsed = JSON.parse(event.data) as StreamEvent
        if (parsed.type === 'finish' || parsed.type === 'error') terminal = true
        return [parsed]
      },
      end: () =>
        terminal ? [] : [{ type: 'error', error: { status: 502, type: 'upstream_error', code: 'stream_truncated', message: 'Upstream stream ended before completion' } }],
    }
  },
  convertError: (status, body) => ({
    status: status >= 500 ? 502 : status,
    message: (body as { error?: { message?: string } })?.error?.message ?? `Mock error ${status}`,
    retryAfter: status === 429 ? 1 : undefined,
  }),
})

/** Add the mock provider: `providers: [mock({ chunkSize: 4, delayMs: 20 })]`. */
export function mock(options: MockOptions = {}): ProviderFactoryResult {
  return mockProvider({ fetch: createMockFetch(options) })
}
