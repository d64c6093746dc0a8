import type { PriceConfig } from './billing-options'

/**
 * The day the built-in prices were checked against the providers' published list prices
 * (standard tier, USD per million tokens): Anthropic's pricing page (platform.claude.com/docs,
 * "Model pricing" and "Long context pricing"), OpenAI's pricing page (developers.openai.com,
 * "Text tokens", standard) and Google's Gemini API pricing page (ai.google.dev/gemini-api/docs/pricing,
 * paid tier, text/image/video input). It is also their `effectiveFrom`.
 */
export const DEFAULT_PRICES_DATE = '2026-11-22'

const at = (rates: Omit<PriceConfig, 'effectiveFrom'>): PriceConfig => ({ ...rates, effectiveFrom: DEFAULT_PRICES_DATE })

/** Anthropic: cache writes at the 5-minute rate (1.25× input), cache hits at 0.1× input. */
const claude = (input: number, output: number, longContext?: PriceConfig['longContext']) =>
  at({ input, cachedInput: input / 10, cacheWrite: input * 1.25, output, ...(longContext && { longContext }) })
/** Claude Sonnet 4 and 4.5 with the 1M-token context: prompts over 200k input tokens cost $6 / $22.50. */
const sonnetLongContext = { above: 200_000, input: 6, cachedInput: 0.6, cacheWrite: 7.5, output: 22.5 }

/** OpenAI: cached input at the listed cached rate; reasoning tokens are output tokens. */
const gpt = (input: number, cachedInput: number, output: number) => at({ input, cachedInput, output })

/** Gemini: context-cache reads at the listed caching rate; thinking tokens are output tokens. */
const gemini = (input: number, cachedInput: number, output: number, longContext?: PriceConfig['longContext']) => at({ input, cachedInput, output, ...(longContext && { longContext }) })

/**
 * Built-in prices of the models the provider packages ship (their `*-models.ts` catalogues),
 * keyed by `provider/model`. Override any of them, or price other models, with
 * `billing({ prices })`. Known limits of the usage model: Anthropic 1-hour cache writes (2×
 * input) are priced at the 5-minute rate, and Gemini audio input (priced higher than text) at
 * the text rate, because providers report those token counts without the split.
 */
export const DEFAULT_PRICES: Record<string, PriceConfig> = {
  'anthropic/claude-opus-4-6': claude(5, 25),
  'anthropic/claude-sonnet-4-6': claude(3, 15),
  'anthropic/claude-opus-4-5': claude(5, 25),
  'anthropic/claude-sonnet-4-5': claude(3, 15, sonnetLongContext),
  'anthropic/claude-sonnet-4-5-*': claude(3, 15, sonnetLongContext),
  'anthropic/claude-haiku-4-5': claude(1, 5),
  'anthropic/claude-haiku-4-5-*': claude(1, 5),
  'anthropic/claude-opus-4-1': claude(15, 75),
  'anthropic/claude-opus-4-1-*': claude(15, 75),
  'anthropic/claude-opus-4-0': claude(15, 75),
  'anthropic/claude-opus-4-2025*': claude(15, 75),
  'anthropic/claude-sonnet-4-0': claude(3, 15, sonnetLongContext),
  'anthropic/claude-sonnet-4-2025*': claude(3, 15, sonnetLongContext),
  'anthropic/claude-3-7-sonnet-*': claude(3, 15),
  'anthropic/claude-3-5-haiku-*': claude(0.8, 4),

  'openai/gpt-4o': gpt(2.5, 1.25, 10),
  'openai/gpt-4o-mini': gpt(0.15, 0.075, 0.6),
  'openai/gpt-4.1': gpt(2, 0.5, 8),
  'openai/gpt-4.1-mini': gpt(0.4, 0.1, 1.6),
  'openai/gpt-4.1-nano': gpt(0.1, 0.025, 0.4),
  'openai/gpt-5': gpt(1.25, 0.125, 10),
  'openai/gpt-5-mini': gpt(0.25, 0.025, 2),
  'openai/gpt-5-nano': gpt(0.05, 0.005, 0.4),
  'openai/gpt-5.1': gpt(1.25, 0.125, 10),
  'openai/o1': gpt(15, 7.5, 60),
  'openai/o3': gpt(2, 0.5, 8),
  'openai/o3-mini': gpt(1.1, 0.55, 4.4),
  'openai/o4-mini': gpt(1.1, 0.275, 4.4),
  // Completions (legacy /v1/completions) and embeddings (input only).
  'openai/gpt-3.5-turbo-instruct': gpt(1.5, 1.5, 2),
  'openai/davinci-002': gpt(2, 2, 2),
  'openai/babbage-002': gpt(0.4, 0.4, 0.4),
  'openai/text-embedding-3-small': gpt(0.02, 0.02, 0),
  'openai/text-embedding-3-large': gpt(0.13, 0.13, 0),
  'openai/text-embedding-ada-002': gpt(0.1, 0.1, 0),
  // Dated snapshots of the same models, at the same prices.
  'openai/gpt-4o-2024-08-06': gpt(2.5, 1.25, 10),
  'openai/gpt-4o-2024-11-20': gpt(2.5, 1.25, 10),
  'openai/gpt-4o-mini-2024-*': gpt(0.15, 0.075, 0.6),
  'openai/gpt-4.1-2025-*': gpt(2, 0.5, 8),
  'openai/gpt-4.1-mini-2025-*': gpt(0.4, 0.1, 1.6),
  'openai/gpt-4.1-nano-2025-*': gpt(0.1, 0.025, 0.4),
  'openai/gpt-5-2025-*': gpt(1.25, 0.125, 10),
  'openai/gpt-5-mini-2025-*': gpt(0.25, 0.025, 2),
  'openai/gpt-5-nano-2025-*': gpt(0.05, 0.005, 0.4),
  'openai/gpt-5.1-2025-*': gpt(1.25, 0.125, 10),
  'openai/o1-2024-*': gpt(15, 7.5, 60),
  'openai/o3-2025-*': gpt(2, 0.5, 8),
  'openai/o3-mini-2025-*': gpt(1.1, 0.55, 4.4),
  'openai/o4-mini-2025-*': gpt(1.1, 0.275, 4.4),

  'gemini/gemini-3-pro-preview': gemini(2, 0.2, 12, { above: 200_000, input: 4, cachedInput: 0.4, output: 18 }),
  'gemini/gemini-3-flash-preview': gemini(0.5, 0.05, 3),
  'gemini/gemini-2.5-pro': gemini(1.25, 0.125, 10, { above: 200_000, input: 2.5, cachedInput: 0.25, output: 15 }),
  'gemini/gemini-2.5-flash': gemini(0.3, 0.03, 2.5),
  'gemini/gemini-2.5-flash-lite': gemini(0.1, 0.01, 0.4),
  'gemini/gemini-flash-latest': gemini(0.3, 0.03, 2.5),
  'gemini/gemini-flash-lite-latest': gemini(0.1, 0.01, 0.4),
  'gemini/gemini-2.0-flash': gemini(0.1, 0.025, 0.4),
  'gemini/gemini-2.0-flash-lite': gemini(0.075, 0.075, 0.3),
  'gemini/gemini-embedding-001': gemini(0.15, 0.15, 0),
  /** Gemma models are free of charge on the Gemini API. */
  'gemini/gemma-3-27b-it': gemini(0, 0, 0),

  /** The offline mock provider and self-hosted servers (no provider bill) cost nothing unless priced in config. */
  'mock/*': at({ input: 0, output: 0 }),
  'ollama/*': at({ input: 0, output: 0 }),
  'vllm/*': at({ input: 0, output: 0 }),
  'lmstudio/*': at({ input: 0, output: 0 }),
}
