import { describe, expect, test } from 'bun:test'
import { anthropic } from '@tollgate/provider-anthropic'
import { gemini } from '@tollgate/provider-gemini'
import { mockProvider } from '@tollgate/provider-mock'
import { openai } from '@tollgate/provider-openai'
import { validatePlans, validatePrices } from './billing-config-schema'
import { DEFAULT_PRICES } from './default-prices'
import { createPriceCatalog } from './price-catalog'
import { readEnvironmentPrices } from './read-environment-prices'

const day = (date: string) => Date.parse(`${date}T00:00:00Z`)

describe('createPriceCatalog', () => {
  const catalog = createPriceCatalog(DEFAULT_PRICES, {
    'openai/gpt-4o': [
      { input: 3, output: 12, effectiveFrom: '2027-01-01' },
      { input: 2.5, cachedInput: 1.25, output: 10, effectiveFrom: '2026-01-01' },
    ],
    'acme/*': { input: 1, output: 1 },
    'acme/big-*': { input: 9, output: 9 },
  })

  test('versions apply from their effective date; before the first, the first applies', () => {
    expect(catalog.lookup('openai/gpt-4o', day('2026-06-01'))?.rates).toEqual({ input: 2_500_000, cachedInput: 1_250_000, cacheWrite: 2_500_000, output: 10_000_000, reasoning: 10_000_000, request: 0 })
    expect(catalog.lookup('openai/gpt-4o', day('2027-01-01'))?.rates.input).toBe(3_000_000)
    expect(catalog.lookup('openai/gpt-4o', day('2020-01-01'))?.effectiveFrom).toBe(day('2026-01-01'))
  })

  test('a version id names the model, the date and a digest of the rates: same rates, same id; other rates, other id', () => {
    const a = catalog.lookup('openai/gpt-4o', day('2026-06-01'))!.id
    expect(a).toMatch(/^openai\/gpt-4o@2026-01-01#[0-9a-f]{8}$/)
    const again = createPriceCatalog({}, { 'openai/gpt-4o': { input: 2.5, cachedInput: 1.25, output: 10, effectiveFrom: '2026-01-01' } }).lookup('openai/gpt-4o', 0)!.id
    const other = createPriceCatalog({}, { 'openai/gpt-4o': { input: 2.6, cachedInput: 1.25, output: 10, effectiveFrom: '2026-01-01' } }).lookup('openai/gpt-4o', 0)!.id
    expect(again).toBe(a)
    expect(other).not.toBe(a)
  })

  test('configured models replace their built-in prices; exact keys win over patterns, longer patterns over shorter', () => {
    expect(catalog.lookup('openai/gpt-4o', day('2026-06-01'))?.model).toBe('openai/gpt-4o')
    expect(catalog.lookup('acme/small', 0)?.model).toBe('acme/*')
    expect(catalog.lookup('acme/big-one', 0)?.model).toBe('acme/big-*')
    expect(catalog.lookup('anthropic/claude-sonnet-4-5-20250929', Date.now())?.model).toBe('anthropic/claude-sonnet-4-5-*')
    expect(catalog.lookup('nobody/knows', Date.now())).toBeUndefined()
  })

  test('every chat, completion and embedding model the provider packages ship has a built-in price', () => {
    const shipped = [anthropic, gemini, openai, mockProvider].flatMap((factory) => factory.spec.models.map((model) => `${factory.spec.id}/${model.id}`))
    expect(shipped.length).toBeGreaterThan(30)
    const builtIn = createPriceCatalog(DEFAULT_PRICES, {})
    expect(shipped.filter((model) => !builtIn.lookup(model, Date.now()))).toEqual([])
  })
})

describe('configuration', () => {
  test('bad prices and plans are refused at start, naming the field', () => {
    expect(() => validatePrices({ 'openai/gpt-4o': { input: -1, output: 2 } }, 'billing({ prices })')).toThrow("Invalid billing configuration (billing({ prices })): /openai~1gpt-4o/input: Expected number to be greater or equal to 0")
    expect(() => validatePrices({ 'openai/gpt-4o': [{ input: 1, output: 2, effectiveFrom: 'tomorrow' }] }, 'test')).toThrow('/openai~1gpt-4o/0/effectiveFrom')
    expect(() => validatePrices({ 'openai/gpt-4o': { input: 1 } }, 'test')).toThrow('/openai~1gpt-4o/output')
    expect(() => validatePlans({ pro: [{ minimumBalance: 5, requirePositive: true }] }, 'test')).toThrow('Invalid billing configuration')
    expect(validatePlans({ pro: [{ models: ['openai/*'], minimumBalance: 5 }] }, 'test')).toEqual({ pro: [{ models: ['openai/*'], minimumBalance: 5 }] })
  })

  test('TOLLGATE_PRICES holds prices as JSON (or a file path)', () => {
    expect(readEnvironmentPrices({})).toEqual({})
    expect(readEnvironmentPrices({ TOLLGATE_PRICES: '{"groq/*": {"input": 0.05, "output": 0.08}}' })).toEqual({ 'groq/*': { input: 0.05, output: 0.08 } })
    expect(() => readEnvironmentPrices({ TOLLGATE_PRICES: '{"groq/*": {"input": "cheap"}}' })).toThrow('TOLLGATE_PRICES')
    expect(() => readEnvironmentPrices({ TOLLGATE_PRICES: '/nonexistent/prices.json' })).toThrow('cannot be read')
  })
})
