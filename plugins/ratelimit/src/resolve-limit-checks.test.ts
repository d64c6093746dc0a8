import { describe, expect, test } from 'bun:test'
import type { Principal } from '@tollgate/core'
import { planFor, resolveLimitChecks } from './resolve-limit-checks'

const principal = (overrides: Partial<Principal> = {}): Principal => ({ keyId: 'key_1', accountId: 'acct_1', scopes: ['inference'], plan: 'free', keyLimits: {}, accountLimits: {}, ...overrides })
const plans = {
  free: { rpm: 20, tpm: 1000, maxConcurrency: 2, perKey: { rpm: 5 }, perModel: { 'openai/*': { rpm: 3, tpm: 500 }, 'mock/echo': { maxConcurrency: 1 } } },
  default: { rpm: 100 },
}
const brief = (checks: ReturnType<typeof resolveLimitChecks>) => checks.map(({ id, kind, limit, cost, source }) => [id, kind, limit, cost, source])

describe('resolveLimitChecks', () => {
  test("an account's plan: account-wide limits, per-key defaults, the model patterns that match", () => {
    const checks = resolveLimitChecks({ principal: principal(), plans, modelNames: ['gpt-4o', 'openai/gpt-4o'], estimatedTokens: 120 })
    expect(brief(checks)).toEqual([
      ['key:key_1:requests', 'rate', 5, 1, 'plan free'],
      ['account:acct_1:requests', 'rate', 20, 1, 'plan free'],
      ['account:acct_1:tokens', 'rate', 1000, 120, 'plan free'],
      ['account:acct_1:concurrency', 'concurrency', 2, 1, 'plan free'],
      ['key:key_1:model:openai/*:requests', 'rate', 3, 1, 'plan free'],
      ['key:key_1:model:openai/*:tokens', 'rate', 500, 120, 'plan free'],
    ])
    expect(checks.map((check) => `${check.scope}/${check.dimension}`)).toEqual(['key/requests', 'account/requests', 'account/tokens', 'account/concurrency', 'model/requests', 'model/tokens'])
  })

  test("stored fields override the plan's, field by field; a token cost never exceeds the limit", () => {
    const checks = resolveLimitChecks({ principal: principal({ keyLimits: { tpm: 50 }, accountLimits: { rpm: 7 } }), plans, modelNames: ['mock/echo'], estimatedTokens: 80.2 })
    expect(brief(checks)).toEqual([
      ['key:key_1:requests', 'rate', 5, 1, 'plan free'],
      ['key:key_1:tokens', 'rate', 50, 50, 'key'],
      ['account:acct_1:requests', 'rate', 7, 1, 'account'],
      ['account:acct_1:tokens', 'rate', 1000, 81, 'plan free'],
      ['account:acct_1:concurrency', 'concurrency', 2, 1, 'plan free'],
      ['key:key_1:model:mock/echo:concurrency', 'concurrency', 1, 1, 'plan free'],
    ])
  })

  test('a plan not configured falls back to default; no plan and no fields (the master key) means no limits', () => {
    expect(brief(resolveLimitChecks({ principal: principal({ plan: 'gold' }), plans, modelNames: [], estimatedTokens: 1 }))).toEqual([['account:acct_1:requests', 'rate', 100, 1, 'plan default']])
    expect(resolveLimitChecks({ principal: { keyId: 'master', scopes: ['*'] }, plans, modelNames: ['gpt-4o'], estimatedTokens: 10 })).toEqual([])
    expect(resolveLimitChecks({ principal: principal({ plan: 'gold' }), plans: { free: plans.free }, modelNames: [], estimatedTokens: 1 })).toEqual([])
    expect(planFor(plans, 'gold')?.name).toBe('default')
    expect(planFor(plans, undefined)).toBeUndefined()
  })

  test('a principal without an account has key limits only', () => {
    const checks = resolveLimitChecks({ principal: { keyId: 'svc', scopes: ['inference'], keyLimits: { rpm: 9, maxConcurrency: 3 } }, plans, modelNames: [], estimatedTokens: 1 })
    expect(brief(checks)).toEqual([
      ['key:svc:requests', 'rate', 9, 1, 'key'],
      ['key:svc:concurrency', 'concurrency', 3, 1, 'key'],
    ])
  })
})
