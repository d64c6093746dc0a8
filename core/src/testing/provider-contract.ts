import { describe, expect, test } from 'bun:test'
import type { CanonicalRequest } from '../canonical'
import type { ProviderFactory } from '../plugin/provider-spec'
import { checkStreamShape } from './check-stream-shape'
import { convertSseText, randomCuts } from './read-stream-events'

export interface ProviderContractFixtures {
  /** Recorded SSE streams of the provider (file name → text). */
  streams: Record<string, string>
  /** Recorded non-stream response bodies. */
  responses: Record<string, unknown>
  /** Recorded error bodies with their HTTP status. */
  errors: Record<string, { status: number; body: unknown }>
  /** Model id used for conversion. */
  modelId: string
}

const sampleRequest = (wireFormat: string): CanonicalRequest => ({
  model: 'any',
  system: [{ type: 'text', text: 'Be brief.' }],
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }],
  maxOutputTokens: 100,
  stream: true,
  extra: { [wireFormat]: { tollgate_contract_unknown_field: { kept: true } } },
})

/**
 * The shared provider contract: every provider package runs it on its own recorded fixtures.
 * It checks stream shape, byte-split stability, usage arithmetic, error mapping hygiene and the
 * pass-through of unknown fields of the provider's own wire format.
 */
export function runProviderContract(factory: ProviderFactory, fixtures: ProviderContractFixtures) {
  const spec = factory.spec
  const context = { modelId: fixtures.modelId, model: spec.models.find((model) => model.id === fixtures.modelId) }

  describe(`provider contract: ${spec.id}`, () => {
    test('declares spec v1 with endpoints and a catalogue', () => {
      expect(spec.specificationVersion).toBe('v1')
      expect(spec.endpoints.chat.startsWith('/')).toBe(true)
      expect(spec.models.length).toBeGreaterThan(0)
    })

    test('converts a request: upstream model id and unknown fields of its own format survive', () => {
      const converted = spec.convertRequest(sampleRequest(spec.wireFormat), context)
      // The model is named in the body (OpenAI, Anthropic) or, when the body has none, in the path (Gemini).
      if (converted.body.model === undefined && converted.path !== undefined) expect(converted.path).toContain(fixtures.modelId)
      else expect(converted.body.model).toBe(fixtures.modelId)
      expect(converted.body.tollgate_contract_unknown_field).toEqual({ kept: true })
    })

    for (const [name, text] of Object.entries(fixtures.streams)) {
      test(`stream ${name}: valid shape, identical when split at random byte boundaries`, () => {
        const whole = convertSseText(text, spec.createStreamConverter(context))
        expect(checkStreamShape(whole)).toEqual([])
        const length = new TextEncoder().encode(text).length
        for (let seed = 1; seed <= 5; seed++) {
          expect(convertSseText(text, spec.createStreamConverter(context), randomCuts(length, 12, seed))).toEqual(whole)
        }
        const finish = whole.find((event) => event.type === 'finish')
        if (finish?.type === 'finish') {
          expect(finish.usage.input.total).toBe(finish.usage.input.noCache + finish.usage.input.cacheRead + finish.usage.input.cacheWrite)
          expect(finish.usage.output.total).toBe(finish.usage.output.text + finish.usage.output.reasoning)
        }
      })

      test(`stream ${name}: cut in half ends with exactly one terminal`, () => {
        const events = convertSseText(text.slice(0, Math.floor(text.length / 2)), spec.createStreamConverter(context))
        expect(events.filter((event) => event.type === 'finish' || event.type === 'error')).toHaveLength(1)
      })
    }

    for (const [name, body] of Object.entries(fixtures.responses)) {
      test(`response ${name}: converts with consistent usage`, () => {
        const response = spec.convertResponse(body, context)
        expect(response.usage.input.total).toBe(response.usage.input.noCache + response.usage.input.cacheRead + response.usage.input.cacheWrite)
        expect(response.usage.output.total).toBe(response.usage.output.text + response.usage.output.reasoning)
        expect(Array.isArray(response.content)).toBe(true)
      })
    }

    for (const [name, { status, body }] of Object.entries(fixtures.errors)) {
      test(`error ${name}: mapped to an error status without upstream secrets`, () => {
        const error = spec.convertError(status, body, new Headers())
        expect(error.status).toBeGreaterThanOrEqual(400)
        expect(error.message).not.toMatch(/sk-[A-Za-z0-9]{3,}/)
      })
    }
  })
}
