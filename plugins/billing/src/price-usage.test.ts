import { describe, expect, test } from 'bun:test'
import { convertAnthropicUsage, convertGeminiUsage, convertOpenAIChatUsage, convertOpenAIResponsesUsage, createUsage, type Usage } from '@tollgate/core'
import { DEFAULT_PRICES } from './default-prices'
import { createPriceCatalog } from './price-catalog'
import { costOfUsage, worstCaseCost } from './price-usage'

const fixture = async (name: string) => JSON.parse(await Bun.file(new URL(`../fixtures/${name}`, import.meta.url)).text())
const catalog = createPriceCatalog(DEFAULT_PRICES, {})
const price = (model: string) => {
  const version = catalog.lookup(model, Date.now())
  if (!version) throw new Error(`no price for ${model}`)
  return version
}

/**
 * Real recorded usages, priced at the built-in list prices; each expected figure is computed by
 * hand in micro-USD (tokens × USD per million, summed, then rounded once half up).
 */
const cases: Array<{ name: string; fixture: string; model: string; usage: (body: any) => Usage; tokens: Record<string, number>; micros: number; hand: string }> = [
  {
    name: 'Anthropic cache read and write (Sonnet 4.5, dated id)',
    fixture: 'anthropic-cache-read-and-write.response.json',
    model: 'anthropic/claude-sonnet-4-5-20250929',
    usage: (body) => convertAnthropicUsage(body.usage),
    tokens: { noCache: 3, cacheRead: 1111, cacheWrite: 418, text: 33, reasoning: 0 },
    micros: 2405,
    hand: '3×$3 + 1111×$0.30 + 418×$3.75 + 33×$15 = $2404.8 per million → $0.002405',
  },
  {
    name: 'Anthropic cache read (Sonnet 4.5)',
    fixture: 'anthropic-cache-read.response.json',
    model: 'anthropic/claude-sonnet-4-5-20250929',
    usage: (body) => convertAnthropicUsage(body.usage),
    tokens: { noCache: 3, cacheRead: 1111, cacheWrite: 0, text: 406, reasoning: 0 },
    micros: 6432,
    hand: '3×$3 + 1111×$0.30 + 406×$15 = $6432.3 per million → $0.006432',
  },
  {
    name: 'OpenAI Chat cached tokens (priced as gpt-5.1: 90% off cached input)',
    fixture: 'openai-chat-cached-tokens.response.json',
    model: 'openai/gpt-5.1',
    usage: (body) => convertOpenAIChatUsage(body.usage),
    tokens: { noCache: 8, cacheRead: 4012, cacheWrite: 0, text: 4, reasoning: 0 },
    micros: 552,
    hand: '8×$1.25 + 4012×$0.125 + 4×$10 = $551.5 per million → $0.000552 (half up)',
  },
  {
    name: 'OpenAI Chat cached tokens (priced as gpt-4o: 50% off cached input)',
    fixture: 'openai-chat-cached-tokens.response.json',
    model: 'openai/gpt-4o',
    usage: (body) => convertOpenAIChatUsage(body.usage),
    tokens: { noCache: 8, cacheRead: 4012, cacheWrite: 0, text: 4, reasoning: 0 },
    micros: 5075,
    hand: '8×$2.50 + 4012×$1.25 + 4×$10 = $5075 per million → $0.005075',
  },
  {
    name: 'OpenAI Chat reasoning tokens (o3-mini)',
    fixture: 'openai-chat-reasoning-o3-mini.response.json',
    model: 'openai/o3-mini-2025-01-31',
    usage: (body) => convertOpenAIChatUsage(body.usage),
    tokens: { noCache: 11, cacheRead: 0, cacheWrite: 0, text: 41, reasoning: 768 },
    micros: 3572,
    hand: '11×$1.10 + (41 + 768)×$4.40 = $3571.7 per million → $0.003572',
  },
  {
    name: 'OpenAI Responses cached tokens (gpt-5, dated id)',
    fixture: 'openai-responses-cached-tokens-reasoning-history.response.json',
    model: 'openai/gpt-5-2025-08-07',
    usage: (body) => convertOpenAIResponsesUsage(body.usage),
    tokens: { noCache: 39, cacheRead: 2048, cacheWrite: 0, text: 124, reasoning: 0 },
    micros: 1545,
    hand: '39×$1.25 + 2048×$0.125 + 124×$10 = $1544.75 per million → $0.001545',
  },
  {
    name: 'Gemini implicit cache and thoughts (2.5 Flash)',
    fixture: 'gemini-cached-content-tokens.response.json',
    model: 'gemini/gemini-2.5-flash',
    usage: (body) => convertGeminiUsage(body.usageMetadata),
    tokens: { noCache: 334, cacheRead: 17379, cacheWrite: 0, text: 68, reasoning: 821 },
    micros: 2844,
    hand: '334×$0.30 + 17379×$0.03 + (68 + 821)×$2.50 = $2844.07 per million → $0.002844',
  },
]

describe('cost of recorded usages at list prices', () => {
  for (const entry of cases) {
    test(`${entry.name}: ${entry.hand}`, async () => {
      const usage = entry.usage(await fixture(entry.fixture))
      const { noCache, cacheRead, cacheWrite } = usage.input
      expect({ noCache, cacheRead, cacheWrite, text: usage.output.text, reasoning: usage.output.reasoning }).toEqual(entry.tokens as never)
      expect(costOfUsage(price(entry.model), usage)).toBe(entry.micros)
    })
  }
})

describe('arithmetic', () => {
  const version = createPriceCatalog({}, { 'test/model': { input: 3, cachedInput: 0.3, cacheWrite: 3.75, output: 15, reasoning: 20, request: 0.001, longContext: { above: 200_000, input: 6, output: 22.5 } } }).lookup('test/model', 0)!

  test('reasoning priced apart, a per-request fee, and rounding once (not per part)', () => {
    // 1×$3 + 1×$0.30 + 1×$3.75 + 1×$15 + 1×$20 = $42.05 per million = 42.05 µUSD → 42, + $0.001 fee.
    expect(costOfUsage(version, createUsage({ noCache: 1, cacheRead: 1, cacheWrite: 1, text: 1, reasoning: 1 }))).toBe(42 + 1000)
    // 5 cached tokens × $0.30 per million = 1.5 µUSD → 2 (half up).
    expect(costOfUsage(version, createUsage({ cacheRead: 5 }))).toBe(2 + 1000)
  })

  test('prompts over the long-context threshold take the higher rates; unset long rates inherit the base', () => {
    const long = createUsage({ noCache: 250_000, cacheRead: 10_000, text: 1000 })
    // 250000×$6 + 10000×$0.30 + 1000×$22.50 = $1,525,500 per million = $1.5255, + fee.
    expect(costOfUsage(version, long)).toBe(1_525_500 + 1000)
  })

  test('large counts stay exact (BigInt sum), far beyond float precision', () => {
    const huge = createUsage({ noCache: 3_000_000_000, text: 1_000_000_000 })
    expect(costOfUsage(version, huge)).toBe(3_000_000_000 * 6 + 1_000_000_000 * 22.5 + 1000)
  })

  test('the worst case prices every input token at the dearest input rate and every output token at the dearest output rate', () => {
    // 100 × max($3, $0.30, $3.75) + 50 × max($15, $20) = $1375 per million → 1375 µUSD, + fee.
    expect(worstCaseCost(version, 100, 50)).toBe(1375 + 1000)
    expect(worstCaseCost(version, 100, 50)).toBeGreaterThanOrEqual(costOfUsage(version, createUsage({ noCache: 60, cacheWrite: 40, text: 30, reasoning: 20 })))
  })
})
