import { afterAll, describe, expect, test } from 'bun:test'
import { runCli, type GatewayConfig } from '@tollgate/core'
import { keys } from '@tollgate/keys'
import { rateLimits, type PlanLimits } from '@tollgate/ratelimit'
import { createKeysGateway } from './helpers/create-keys-gateway'
import { externalService } from './helpers/external-services'
import { dropTestDatabases, testDatabases } from './helpers/test-databases'

const [sqlite] = await testDatabases()
const redisURL = await externalService('REDIS_URL')
afterAll(dropTestDatabases)

const plans: Record<string, PlanLimits> = { pro: { rpm: 20, tpm: 50_000, perKey: { rpm: 10 }, perModel: { 'mock/*': { rpm: 5 } } } }

async function cli(config: GatewayConfig, ...argv: string[]) {
  const stdout: string[] = []
  const stderr: string[] = []
  const code = await runCli(argv, config, { stdout: (text) => stdout.push(text), stderr: (text) => stderr.push(text) })
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n'), json: () => JSON.parse(stdout.join('\n')) }
}

const brief = (limits: Array<Record<string, unknown>>) => limits.map(({ scope, dimension, pattern, limit, source }) => [scope, dimension, pattern, limit, source])

describe('bun run tollgate limits', () => {
  test("show: a key's effective limits and where each comes from; set: an account's own limits, --clear back to the plan", async () => {
    const storeOptions = sqlite.fresh()
    const config: GatewayConfig = { env: {}, ...storeOptions, plugins: [keys(), rateLimits({ plans })] }
    const accountId = (await cli(config, 'accounts', 'create', '--name', 'Acme', '--plan', 'pro', '--json')).json().id
    const keyId = (await cli(config, 'keys', 'create', '--account', accountId, '--name', 'ci', '--rpm', '30', '--json')).json().id

    const shown = await cli(config, 'limits', 'show', '--key', keyId, '--json')
    expect(shown.code).toBe(0)
    expect(shown.json()).toMatchObject({ object: 'rate_limits', key_id: keyId, account_id: accountId, plan: 'pro', plan_applied: 'pro', counters: null })
    expect(brief(shown.json().limits)).toEqual([
      ['key', 'requests', null, 30, 'key'],
      ['account', 'requests', null, 20, 'plan pro'],
      ['account', 'tokens', null, 50_000, 'plan pro'],
      ['model', 'requests', 'mock/*', 5, 'plan pro'],
    ])
    const human = await cli(config, 'limits', 'show', '--key', keyId)
    expect(human.stdout).toContain(`Key ${keyId}, account ${accountId} (plan pro)`)
    expect(human.stdout).toMatch(/SCOPE\s+LIMIT\s+VALUE\s+SOURCE\s+REMAINING\s+FULL IN/)
    expect(human.stdout).toMatch(/model mock\/\*\s+requests\s+5\s+plan pro/)

    const set = await cli(config, 'limits', 'set', '--account', accountId, '--rpm', '200', '--max-concurrency', '3', '--json')
    expect(set.code).toBe(0)
    expect(set.json()).toMatchObject({ id: accountId, rpm: 200, tpm: null, max_concurrency: 3 })
    expect(brief((await cli(config, 'limits', 'show', '--account', accountId, '--json')).json().limits)).toEqual([
      ['account', 'requests', null, 200, 'account'],
      ['account', 'tokens', null, 50_000, 'plan pro'],
      ['account', 'concurrency', null, 3, 'account'],
    ])
    const cleared = await cli(config, 'limits', 'set', '--account', accountId, '--clear', 'rpm,max-concurrency')
    expect(cleared.stdout).toBe(`Account ${accountId} (plan pro): rpm plan default, tpm plan default, max concurrency plan default`)
    expect(brief((await cli(config, 'limits', 'show', '--account', accountId, '--json')).json().limits)[0]).toEqual(['account', 'requests', null, 20, 'plan pro'])
  })

  test('bad input is refused with the option named', async () => {
    const storeOptions = sqlite.fresh()
    const config: GatewayConfig = { env: {}, ...storeOptions, plugins: [keys(), rateLimits({ plans })] }
    const accountId = (await cli(config, 'accounts', 'create', '--name', 'Acme', '--json')).json().id
    const failures = [
      [['limits', 'set', '--account', accountId], 'Nothing to change'],
      [['limits', 'set', '--account', accountId, '--rpm', '0'], '--rpm must be a whole number of at least 1'],
      [['limits', 'set', '--account', accountId, '--rpm', '5', '--clear', 'rpm'], 'contradict'],
      [['limits', 'set', '--account', accountId, '--clear', 'rpd'], "Unknown limit 'rpd'"],
      [['limits', 'set', '--account', 'acct_nope', '--rpm', '5'], "No account 'acct_nope'"],
      [['limits', 'show'], 'Give either --key or --account'],
      [['limits', 'show', '--key', 'key_nope'], "No key 'key_nope'"],
    ] as const
    for (const [argv, message] of failures) {
      const result = await cli(config, ...argv)
      expect({ argv, code: result.code, error: result.stderr.includes(message) }).toEqual({ argv, code: 1, error: true })
    }
    const json = await cli(config, 'limits', 'set', '--account', accountId, '--tpm', '-3', '--json')
    expect(json.json().error).toMatchObject({ param: 'tpm', code: 'invalid_arguments' })
    const noLimits = await cli(config, 'limits', 'show', '--account', accountId)
    expect(noLimits.stdout).toBe(`Account ${accountId} (plan default): no rate limits`)
  })

  test.skipIf(!redisURL)('with Redis: live counters in show, and a change reaches a running gateway at once', async () => {
    const storeOptions = sqlite.fresh()
    const prefix = `tollgate:test:${crypto.randomUUID().slice(0, 8)}:`
    const config: GatewayConfig = { env: {}, ...storeOptions, redisURL, plugins: [keys(), rateLimits({ plans, redis: { prefix } })] }
    const gateway = await createKeysGateway(sqlite, { storeOptions, config: { redisURL, plugins: [rateLimits({ plans, redis: { prefix } })] }, keys: { cache: { ttlMs: 60_000 } } })
    const account = await gateway.createAccount({ name: 'Live', plan: 'pro' })
    const key = await gateway.createKey(account.id)
    expect((await gateway.chat(key.key)).status).toBe(200)
    expect((await gateway.chat(key.key)).status).toBe(200)

    const shown = (await cli(config, 'limits', 'show', '--key', key.id, '--json')).json()
    expect(shown.counters).toBe('redis')
    const remaining = shown.limits.map(({ scope, dimension, remaining }: Record<string, unknown>) => [scope, dimension, remaining])
    expect(remaining.filter(([, dimension]: unknown[]) => dimension === 'requests')).toEqual([
      ['key', 'requests', 8],
      ['account', 'requests', 18],
      ['model', 'requests', 3],
    ])
    // (Tokens drain at 50,000 a minute on Redis's own clock: what two short requests used is back within milliseconds.)
    expect(shown.limits.find((limit: Record<string, unknown>) => limit.dimension === 'tokens')).toMatchObject({ limit: 50_000, source: 'plan pro' })

    expect((await cli(config, 'limits', 'set', '--account', account.id, '--rpm', '2')).code).toBe(0)
    // The key was cached for a minute: only the invalidation sent through Redis can make the gateway see the change.
    let answer = await gateway.chat(key.key)
    for (let attempt = 0; attempt < 50 && answer.status !== 429; attempt++) {
      await Bun.sleep(20)
      answer = await gateway.chat(key.key)
    }
    expect(answer.status).toBe(429)
    expect(answer.body.error.message).toContain('requests per minute for this account (limit 2)')
    await gateway.stop()
  })
})
