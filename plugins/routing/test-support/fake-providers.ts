import { createModelCatalog, createProvider, defineProvider, type Provider, type Route } from '@tollgate/core'

/** A provider spec with just enough to route to (the unit tests never call it over HTTP). */
export function fakeProvider(id: string, models: Array<{ id: string; contextWindow?: number }> = [], settings: { apiKey?: string; baseURL?: string } = {}): Provider {
  const factory = defineProvider({
    specificationVersion: 'v1',
    id,
    name: id,
    wireFormat: id,
    defaultBaseURL: `https://${id}.example/v1`,
    auth: { type: 'bearer' },
    endpoints: { chat: '/chat' },
    models,
    modelPrefixes: [`${id}-`],
    convertRequest: () => ({ body: {} }),
    convertResponse: () => {
      throw new Error('not used')
    },
    createStreamConverter: () => ({ event: () => [], end: () => [] }),
    convertError: (status) => ({ status, message: `HTTP ${status}` }),
  })
  return createProvider(factory({ apiKey: `sk-${id}-default`, ...settings }), {})
}

export const alpha = fakeProvider('alpha', [{ id: 'alpha-large', contextWindow: 200_000 }, { id: 'alpha-small', contextWindow: 8000 }])
export const beta = fakeProvider('beta', [{ id: 'beta-large' }])
export const catalog = createModelCatalog([alpha, beta])

/** A route to a provider's model, as a deployment would carry it. */
export const routeTo = (provider: Provider, upstreamModel: string): Route => ({ provider, upstreamModel })
