import { GatewayError, type RequestContext, type UpstreamCall } from '@tollgate/core'
import { describe, expect, test } from 'bun:test'
import { alpha, beta, catalog } from '../test-support/fake-providers'
import { createLocalBreakerStore } from './breaker-store'
import { createRouteTable } from './create-route-table'
import { createDeploymentStats } from './deployment-stats'
import { planEntry, planRoute, type PlanContext } from './plan-route'
import { DEFAULT_BREAKER_POLICY, DEFAULT_RETRY_POLICY, type BreakerPolicy, type Clock, type RetryPolicy, type RouteConfig } from './routing-options'
import type { RoutingRecord } from './routing-record'
import { runWithFallbacks } from './run-with-fallbacks'

type Outcome = GatewayError | 'ok' | 'hang'

const unavailable = (retryAfter?: number) => new GatewayError({ status: 503, type: 'overloaded_error', message: 'Overloaded', retryAfter })
const rateLimited = (retryAfter: number) => new GatewayError({ status: 429, message: 'Slow down', retryAfter })
const badKey = () => new GatewayError({ status: 502, code: 'upstream_authentication_error', message: 'rejected the gateway credentials' })
const tooLong = () => new GatewayError({ status: 400, code: 'context_length_exceeded', message: 'maximum context length is 8000 tokens' })

/** A manual clock: `sleep` records the delay, advances time and resolves at once (or rejects when the signal aborts first). */
function manualClock() {
  let now = 1_000_000
  const sleeps: number[] = []
  let pending: { signal: AbortSignal; resolve(): void } | undefined
  const clock: Clock = {
    now: () => now,
    sleep(milliseconds, signal) {
      sleeps.push(milliseconds)
      now += milliseconds
      if (signal.aborted) return Promise.reject(signal.reason)
      return new Promise<void>((resolve, reject) => {
        pending = { signal, resolve }
        signal.addEventListener('abort', () => reject(signal.reason), { once: true })
        queueMicrotask(() => (holdSleeps ? undefined : resolve()))
      })
    },
  }
  let holdSleeps = false
  return { clock, sleeps, advance: (milliseconds: number) => (now += milliseconds), hold: () => (holdSleeps = true), pending: () => pending }
}

/** `next` answering per `provider/model` from a script (then 'ok'); records each call and its signal. */
function scriptedNext(script: Record<string, Outcome[]>, onCall: () => void = () => {}) {
  const calls: Array<{ target: string; signal?: AbortSignal }> = []
  const next: UpstreamCall = async ({ route, signal } = {}) => {
    const target = `${route!.provider.id}/${route!.upstreamModel}`
    calls.push({ target, signal })
    onCall()
    const outcome = script[target]?.shift() ?? 'ok'
    if (outcome === 'hang') {
      await new Promise((_, reject) => signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true }))
    }
    if (outcome instanceof GatewayError) throw outcome
    return new Response(JSON.stringify({ served: target }))
  }
  return { next, calls, targets: () => calls.map((call) => call.target) }
}

const routes: Record<string, RouteConfig> = {
  chain: { deployments: [{ provider: 'alpha', model: 'alpha-a' }, { provider: 'beta', model: 'beta-b' }, { provider: 'alpha', model: 'alpha-c' }] },
  other: { deployments: [{ provider: 'alpha', model: 'alpha-a' }, { provider: 'beta', model: 'beta-z' }] },
  small: { deployments: [{ provider: 'alpha', model: 'alpha-small' }, { provider: 'alpha', model: 'alpha-small-2' }], contextFallback: 'large' },
  large: { deployments: [{ provider: 'alpha', model: 'alpha-small' }, { provider: 'beta', model: 'beta-large' }] },
  limited: { deployments: [{ provider: 'alpha', model: 'alpha-a', limits: { rpm: 1 } }] },
}

function setup(options: { retry?: Partial<RetryPolicy>; breaker?: Partial<BreakerPolicy> } = {}) {
  const time = manualClock()
  const retry = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, ...options.retry }
  const table = createRouteTable({ routes: Object.entries(routes).map(([name, config]) => ({ name, config, source: 'config' as const })), providers: [alpha, beta], catalog, env: {}, retry })
  const breakers = createLocalBreakerStore({ ...DEFAULT_BREAKER_POLICY, ...options.breaker }, time.clock)
  const stats = createDeploymentStats(time.clock)
  const planContext: PlanContext = { table, view: stats, random: () => 1, isAvailable: () => true }

  async function run(model: string, script: Record<string, Outcome[]>, extra: { models?: string[]; signal?: AbortSignal; onCall?: () => void } = {}) {
    const upstream = scriptedNext(script, extra.onCall)
    const record: RoutingRecord = { model, attempts: [] }
    const context = { model, stream: false, signal: extra.signal ?? new AbortController().signal, state: {} } as unknown as RequestContext
    const steps = planRoute(model, extra.models ? { models: extra.models } : undefined, planContext)
    const result = runWithFallbacks({
      context,
      next: upstream.next,
      steps,
      record,
      breakers,
      stats,
      clock: time.clock,
      random: () => 1,
      contextSteps: (entry) => (entry.contextFallback ? planEntry(table.resolve(entry.contextFallback), undefined, planContext) : undefined),
    })
    const outcome: { served?: string; error?: unknown } = await result.then(
      async (response) => ({ served: (await response.json()).served as string }),
      (error: unknown) => ({ error }),
    )
    return { ...outcome, upstream, record }
  }
  return { run, time, breakers }
}

describe('runWithFallbacks', () => {
  test('transient failures: retried on the same deployment with exponential backoff, then the next deployment', async () => {
    const { run, time } = setup({ retry: { retries: 2 } })
    const result = await run('chain', { 'alpha/alpha-a': [unavailable(), unavailable(), unavailable()] })
    expect(result.upstream.targets()).toEqual(['alpha/alpha-a', 'alpha/alpha-a', 'alpha/alpha-a', 'beta/beta-b'])
    expect(result.served).toBe('beta/beta-b')
    expect(time.sleeps).toEqual([100, 200])
    expect(result.record.served).toEqual({ deployment: 'beta/beta-b', provider: 'beta', model: 'beta-b', route: 'chain' })
    expect(result.record.attempts.map((attempt) => [attempt.deployment, attempt.outcome, attempt.status ?? null])).toEqual([
      ['alpha/alpha-a', 'error', 503],
      ['alpha/alpha-a', 'error', 503],
      ['alpha/alpha-a', 'error', 503],
      ['beta/beta-b', 'ok', null],
    ])
  })

  test("the upstream's Retry-After is waited for when within the cap", async () => {
    const { run, time } = setup({ retry: { retries: 1, maxRetryAfterMs: 5000 } })
    const result = await run('chain', { 'alpha/alpha-a': [rateLimited(3)] })
    expect(result.upstream.targets()).toEqual(['alpha/alpha-a', 'alpha/alpha-a'])
    expect(time.sleeps).toEqual([3000])
  })

  test('a Retry-After beyond the cap: no wait, straight to the next deployment', async () => {
    const { run, time } = setup({ retry: { retries: 2, maxRetryAfterMs: 5000 } })
    const result = await run('chain', { 'alpha/alpha-a': [rateLimited(60)] })
    expect(result.upstream.targets()).toEqual(['alpha/alpha-a', 'beta/beta-b'])
    expect(time.sleeps).toEqual([])
  })

  test("a deployment's own fault (our key rejected) falls back without retrying it", async () => {
    const { run, time } = setup({ retry: { retries: 2 } })
    const result = await run('chain', { 'alpha/alpha-a': [badKey()] })
    expect(result.upstream.targets()).toEqual(['alpha/alpha-a', 'beta/beta-b'])
    expect(time.sleeps).toEqual([])
  })

  test('never the same broken deployment twice in a request, even when a fallback model lists it again', async () => {
    const { run } = setup({ retry: { retries: 0 } })
    const result = await run('chain', { 'alpha/alpha-a': [badKey()], 'beta/beta-b': [unavailable()], 'alpha/alpha-c': [unavailable()] }, { models: ['other'] })
    expect(result.upstream.targets()).toEqual(['alpha/alpha-a', 'beta/beta-b', 'alpha/alpha-c', 'beta/beta-z'])
    expect(result.served).toBe('beta/beta-z')
  })

  test("the client's own mistake (400) is returned at once: one call, no breaker count", async () => {
    const { run, breakers } = setup()
    const invalid = new GatewayError({ status: 400, message: 'messages: field required', param: 'messages' })
    const result = await run('chain', { 'alpha/alpha-a': [invalid] })
    expect(result.error).toBe(invalid)
    expect(result.upstream.targets()).toEqual(['alpha/alpha-a'])
    expect(breakers.peek('alpha/alpha-a').failures).toBe(0)
  })

  test('all deployments failing: the last error is returned, after each was tried', async () => {
    const { run } = setup({ retry: { retries: 0 } })
    const last = unavailable(7)
    const result = await run('chain', { 'alpha/alpha-a': [unavailable()], 'beta/beta-b': [badKey()], 'alpha/alpha-c': [last] })
    expect(result.error).toBe(last)
    expect(result.upstream.targets()).toEqual(['alpha/alpha-a', 'beta/beta-b', 'alpha/alpha-c'])
  })

  test('maxAttempts bounds retries and fallbacks together', async () => {
    const { run } = setup({ retry: { retries: 2, maxAttempts: 4 } })
    const result = await run('chain', { 'alpha/alpha-a': [unavailable(), unavailable(), unavailable()], 'beta/beta-b': [unavailable(), unavailable()] })
    expect(result.upstream.targets()).toEqual(['alpha/alpha-a', 'alpha/alpha-a', 'alpha/alpha-a', 'beta/beta-b'])
    expect(result.error).toMatchObject({ status: 503 })
  })

  test('a breaker that opens stops the retries on that deployment', async () => {
    const { run, breakers } = setup({ retry: { retries: 5 }, breaker: { failureThreshold: 2 } })
    const result = await run('chain', { 'alpha/alpha-a': [unavailable(), unavailable(), unavailable()] })
    expect(result.upstream.targets()).toEqual(['alpha/alpha-a', 'alpha/alpha-a', 'beta/beta-b'])
    expect(breakers.peek('alpha/alpha-a').state).toBe('open')
  })

  test('open breakers are skipped without a call; all open → 503 no_healthy_deployment with Retry-After', async () => {
    const { run, time } = setup({ retry: { retries: 0 }, breaker: { failureThreshold: 1, coolDownMs: 30_000 } })
    await run('chain', { 'alpha/alpha-a': [unavailable()], 'beta/beta-b': [unavailable()], 'alpha/alpha-c': [unavailable()] })
    time.advance(10_000)
    const result = await run('chain', {})
    expect(result.upstream.targets()).toEqual([])
    expect(result.error).toMatchObject({ status: 503, code: 'no_healthy_deployment', retryAfter: 20 })
    expect(result.record.attempts.map((attempt) => attempt.reason)).toEqual(['circuit_open', 'circuit_open', 'circuit_open'])
  })

  test('half-open: after the cool-down one probe goes; success closes the breaker', async () => {
    const { run, time, breakers } = setup({ retry: { retries: 0 }, breaker: { failureThreshold: 1, coolDownMs: 30_000 } })
    await run('chain', { 'alpha/alpha-a': [unavailable()] })
    expect(breakers.peek('alpha/alpha-a').state).toBe('open')
    time.advance(30_000)
    const probe = await run('chain', {})
    expect(probe.served).toBe('alpha/alpha-a')
    expect(breakers.peek('alpha/alpha-a').state).toBe('closed')
  })

  test('a failed probe is not retried and reopens the breaker', async () => {
    const { run, time, breakers } = setup({ retry: { retries: 3 }, breaker: { failureThreshold: 1, coolDownMs: 30_000 } })
    await run('chain', { 'alpha/alpha-a': [unavailable()] })
    time.advance(30_000)
    const result = await run('chain', { 'alpha/alpha-a': [unavailable()] })
    expect(result.upstream.targets()).toEqual(['alpha/alpha-a', 'beta/beta-b'])
    expect(breakers.peek('alpha/alpha-a')).toMatchObject({ state: 'open' })
  })

  test("a probe answered with the client's own mistake closes the breaker (the upstream is up)", async () => {
    const { run, time, breakers } = setup({ retry: { retries: 0 }, breaker: { failureThreshold: 1, coolDownMs: 30_000 } })
    await run('chain', { 'alpha/alpha-a': [unavailable()] })
    time.advance(30_000)
    const result = await run('chain', { 'alpha/alpha-a': [new GatewayError({ status: 400, message: 'bad temperature', param: 'temperature' })] })
    expect(result.error).toMatchObject({ status: 400 })
    expect(breakers.peek('alpha/alpha-a').state).toBe('closed')
  })

  test('per-deployment rpm: a deployment at its limit is skipped; nothing left → 429 with Retry-After', async () => {
    const { run } = setup()
    expect((await run('limited', {})).served).toBe('alpha/alpha-a')
    const second = await run('limited', {})
    expect(second.upstream.targets()).toEqual([])
    expect(second.error).toMatchObject({ status: 429, code: 'deployment_rate_limited', retryAfter: 60 })
  })

  test('context-length error: continues with the contextFallback route, skipping the rest of the small route', async () => {
    const { run } = setup()
    const result = await run('small', { 'alpha/alpha-small': [tooLong()] })
    // large = [alpha-small (already failed, skipped), beta-large]
    expect(result.upstream.targets()).toEqual(['alpha/alpha-small', 'beta/beta-large'])
    expect(result.served).toBe('beta/beta-large')
  })

  test('context-length error without a contextFallback is returned to the client', async () => {
    const { run } = setup()
    const result = await run('chain', { 'alpha/alpha-a': [tooLong()] })
    expect(result.error).toMatchObject({ status: 400, code: 'context_length_exceeded' })
    expect(result.upstream.targets()).toEqual(['alpha/alpha-a'])
  })

  test('per-attempt timeout: the hung attempt is aborted (its signal fires) and the next deployment serves', async () => {
    const { run } = setup({ retry: { retries: 0, timeoutMs: 5 } })
    const result = await run('chain', { 'alpha/alpha-a': ['hang'] })
    expect(result.served).toBe('beta/beta-b')
    expect(result.upstream.calls[0].signal!.aborted).toBe(true)
    expect(result.record.attempts[0]).toMatchObject({ outcome: 'error', status: 504, code: 'upstream_timeout' })
  })

  test('deadline: no retry and no fallback once it has passed; the last error is returned', async () => {
    const { run, time } = setup({ retry: { retries: 5, deadlineMs: 250, baseDelayMs: 0, maxDelayMs: 0 } })
    const last = unavailable(9)
    // Each attempt takes 100 ms of clock time: the third one ends at 300 ms, past the 250 ms deadline.
    const result = await run('chain', { 'alpha/alpha-a': [unavailable(), unavailable(), last] }, { onCall: () => time.advance(100) })
    expect(result.upstream.targets()).toEqual(['alpha/alpha-a', 'alpha/alpha-a', 'alpha/alpha-a'])
    expect(result.error).toBe(last)
  })

  test('backoff waits that would pass the deadline are not taken: the next deployment is tried instead', async () => {
    const { run, time } = setup({ retry: { retries: 5, deadlineMs: 250, baseDelayMs: 100, maxDelayMs: 100 } })
    const result = await run('chain', { 'alpha/alpha-a': [unavailable(), unavailable(), unavailable()] })
    expect(time.sleeps).toEqual([100, 100])
    expect(result.upstream.targets()).toEqual(['alpha/alpha-a', 'alpha/alpha-a', 'alpha/alpha-a', 'beta/beta-b'])
  })

  test('client abort during a backoff sleep: the sleep is cancelled, no further attempt, not a GatewayError', async () => {
    const { run, time } = setup({ retry: { retries: 2 } })
    time.hold()
    const client = new AbortController()
    const running = run('chain', { 'alpha/alpha-a': [unavailable()] }, { signal: client.signal })
    while (!time.pending()) await Bun.sleep(0)
    client.abort()
    const result = await running
    expect(time.pending()!.signal.aborted).toBe(true)
    expect(result.error).toBeInstanceOf(DOMException)
    expect(result.upstream.targets()).toEqual(['alpha/alpha-a'])
  })
})
