/** The plan of the bench account: limits no bench run reaches, so every request is counted and none is throttled. */
export const BENCH_PLAN = 'bench'
const UNREACHABLE = { rpm: 1_000_000_000, tpm: 10_000_000_000, maxConcurrency: 1_000_000 }

/**
 * Gateway environment of every full-pipeline gateway: the `bench` plan's rate limits, per account
 * and per key (six token buckets and concurrency slots per request), through TOLLGATE_RATE_LIMITS;
 * and a price for the mock's paced model names (`openai/gpt-4o-mini~latency=20`: pacing rides in
 * the model name) at gpt-4o-mini's list price, through TOLLGATE_PRICES, so billing prices them
 * instead of refusing them with 402 `model_not_priced`.
 */
export const FULL_PIPELINE_ENV = {
  TOLLGATE_RATE_LIMITS: JSON.stringify({ [BENCH_PLAN]: { ...UNREACHABLE, perKey: UNREACHABLE } }),
  TOLLGATE_PRICES: JSON.stringify({ 'openai/gpt-4o-mini~*': { input: 0.15, cachedInput: 0.075, output: 0.6 } }),
}

/** Prepaid balance of the bench account, USD: the default run spends a few dollars at list prices. */
const BENCH_CREDIT_USD = 1_000_000

export interface BenchAccount {
  accountId: string
  /** The measured key (plaintext, shown once by the admin API). */
  apiKey: string
}

async function admin<T>(baseURL: string, masterKey: string, method: string, path: string, body: unknown, options: { optional?: boolean } = {}): Promise<T | undefined> {
  const response = await fetch(`${baseURL}${path}`, {
    method,
    headers: { authorization: `Bearer ${masterKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  })
  const text = await response.text()
  // A gateway profiled without the billing plugin has no credits route.
  if (options.optional && response.status === 404 && text.includes('unknown_route')) return undefined
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 300)}`)
  return JSON.parse(text) as T
}

/**
 * Set up the account the load runs as, through the admin API with the master key (its stable,
 * documented interface): the account (the one seeded keys went into, or a new one) on the
 * `bench` plan, a large balance, and a private key minted for the load generator.
 */
export async function provisionBenchAccount(baseURL: string, masterKey: string, seededAccountId?: string): Promise<BenchAccount> {
  const account = seededAccountId
    ? await admin<{ id: string }>(baseURL, masterKey, 'PATCH', `/admin/accounts/${seededAccountId}`, { name: 'bench', plan: BENCH_PLAN })
    : await admin<{ id: string }>(baseURL, masterKey, 'POST', '/admin/accounts', { name: 'bench', plan: BENCH_PLAN })
  await admin(baseURL, masterKey, 'POST', `/admin/accounts/${account!.id}/credits`, { amount: BENCH_CREDIT_USD, note: 'bench' }, { optional: true })
  const key = await admin<{ key: string }>(baseURL, masterKey, 'POST', `/admin/accounts/${account!.id}/keys`, { name: 'bench load generator', type: 'private' })
  return { accountId: account!.id, apiKey: key!.key }
}
