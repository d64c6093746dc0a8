/** Prices of one model, in USD per million tokens (and USD per request for `request`). */
export interface PriceRates {
  /** Input tokens read without cache. */
  input: number
  /** Input tokens read from the provider's prompt cache. @default input */
  cachedInput?: number
  /** Input tokens written to the prompt cache (Anthropic: the 5-minute rate). @default input */
  cacheWrite?: number
  /** Output tokens (text; reasoning too unless `reasoning` is set). */
  output: number
  /** Reasoning tokens, when priced apart from output. @default output */
  reasoning?: number
  /** A fee per request, USD. @default 0 */
  request?: number
}

/** One price version of a model. */
export interface PriceConfig extends PriceRates {
  /** First day (UTC, `YYYY-MM-DD`) the price applies; the latest version not in the future is used. @default always */
  effectiveFrom?: string
  /** Higher rates for prompts over `above` input tokens (Gemini Pro, Claude with a 1M context). */
  longContext?: { above: number } & Partial<PriceRates>
}

/** A balance rule: the first rule of the account's plan whose `models` match the request applies. */
export interface BalanceRule {
  /** Model names or patterns (`openai/*`) matched against the model asked for and the `provider/model` serving it. @default every model */
  models?: string[]
  /** USD the account must keep available on top of the request's reservation. @default 0 */
  minimumBalance?: number
  /** Refuse when nothing is available, even for requests that cost nothing (free or `mock/*` models). @default false */
  requirePositiveBalance?: boolean
}

export interface BillingOptions {
  /**
   * Prices by `provider/model` (or a pattern with `*`), one version or several with `effectiveFrom`.
   * A model listed here takes only these prices (its built-in ones are dropped).
   */
  prices?: Record<string, PriceConfig | PriceConfig[]>
  /** Start from the built-in prices of the models the providers ship with. @default true */
  defaultPrices?: boolean
  /**
   * A request billed to an account for a model with no price: `refuse` answers 402
   * `model_not_priced`; `free` serves it at cost 0 and logs a warning once per model.
   * @default 'refuse'
   */
  unpricedModels?: 'refuse' | 'free'
  /** Balance rules per plan name (`*`: plans not listed). @default none: the balance must cover the reservation */
  plans?: Record<string, BalanceRule[]>
  /** Output tokens reserved when neither the request nor the model's catalogue entry gives a limit. @default 4096 */
  defaultMaxOutputTokens?: number
  /** A reservation its instance has not renewed for this long is released (the instance died). @default 300000 */
  reservationTimeoutMs?: number
  /** How often in-flight reservations are renewed and stale ones swept. @default 60000 */
  renewIntervalMs?: number
  /** How long `stop()` waits for requests in flight to settle before flushing. @default 10000 */
  drainTimeoutMs?: number
  /** Usage records are written in batches: every `flushMs`, or at once when `batchSize` are waiting. */
  usage?: { /** @default 1000 */ flushMs?: number; /** @default 500 */ batchSize?: number }
}
