import { GatewayError } from '@tollgate/core'
import { describe, expect, test } from 'bun:test'
import { createDeploymentStats } from './deployment-stats'

function setup() {
  let now = 1_000_000
  const stats = createDeploymentStats({ now: () => now, sleep: async () => {} })
  return { stats, advance: (milliseconds: number) => (now += milliseconds) }
}

describe('deployment stats', () => {
  test('in-flight counts attempts that began and have not ended', () => {
    const { stats } = setup()
    stats.begin('a')
    stats.begin('a')
    stats.end('a')
    expect(stats.inFlight('a')).toBe(1)
    expect(stats.inFlight('b')).toBe(0)
  })

  test('latency is a moving average (newest sample weighs 0.3)', () => {
    const { stats } = setup()
    expect(stats.latencyMs('a')).toBeUndefined()
    stats.latency('a', 100)
    stats.latency('a', 200)
    expect(stats.latencyMs('a')).toBe(130)
  })

  test('rpm: the deployment is refused at its limit until the oldest request leaves the minute', () => {
    const { stats, advance } = setup()
    const limits = { rpm: 2 }
    stats.begin('a')
    advance(10_000)
    stats.begin('a')
    expect(stats.allows('a', limits)).toEqual({ ok: false, retryAfterMs: 50_000 })
    advance(50_000)
    expect(stats.allows('a', limits)).toEqual({ ok: true })
  })

  test('tpm: tokens of the last minute count against the limit', () => {
    const { stats, advance } = setup()
    stats.tokens('a', 700)
    expect(stats.allows('a', { tpm: 1000 })).toEqual({ ok: true })
    stats.tokens('a', 300)
    expect(stats.allows('a', { tpm: 1000 })).toEqual({ ok: false, retryAfterMs: 60_000 })
    advance(60_000)
    expect(stats.allows('a', { tpm: 1000 }).ok).toBe(true)
  })

  test('health keeps the last ten failures, newest last', () => {
    const { stats } = setup()
    for (let status = 500; status < 512; status++) stats.failure('a', new GatewayError({ status, message: `failure ${status}` }))
    const health = stats.health('a')
    expect(health.recentFailures).toHaveLength(10)
    expect(health.recentFailures[9]).toMatchObject({ status: 511, message: 'failure 511', code: null })
    expect(health).toMatchObject({ inFlight: 0, latencyMs: null, requestsLastMinute: 0 })
  })
})
