import { formatTable, GatewayError, type AccountChanges, type PluginCommand, type PluginServices } from '@tollgate/core'
import { publishInvalidation } from '@tollgate/keys'
import { describeLimits, loadLimitTarget, targetChecks } from './describe-limits'
import { formatDuration } from './format-duration'
import type { BucketCheck, BucketState } from './rate-limit-store'
import type { PlanLimits } from './ratelimit-options'
import { createRedisRateLimitStore } from './redis-rate-limit-store'

const FIELDS = [
  ['rpm', 'rpm'],
  ['tpm', 'tpm'],
  ['max-concurrency', 'maxConcurrency'],
] as const

const invalid = (param: string, message: string) => new GatewayError({ status: 400, param, code: 'invalid_arguments', message })

/** The current counters, when they live in Redis (the gateway's memory is out of the CLI's reach: see GET /admin/rate-limits). */
async function readCounters(services: PluginServices, checks: BucketCheck[], prefix: string | undefined): Promise<{ store: string; states: BucketState[] } | undefined> {
  if (!services.redis || checks.length === 0) return undefined
  try {
    return { store: 'redis', states: await createRedisRateLimitStore({ redis: services.redis, prefix }).peek(checks) }
  } catch {
    return undefined
  }
}

/** `bun run tollgate limits show|set`: a key's or an account's effective limits, and an account's overrides. */
export function limitsCommands(options: { plans(env: Record<string, string | undefined>): Record<string, PlanLimits>; redisPrefix?: string }): PluginCommand[] {
  return [
    {
      name: 'limits show',
      describe: 'Effective rate limits of a key or an account (own fields, else the plan), with live counters when they are in Redis',
      options: { key: { type: 'string', describe: 'Key id (key_…)' }, account: { type: 'string', describe: 'Account id (acct_…)' } },
      async run(input, services) {
        const target = await loadLimitTarget(await services.store(), { keyId: input.options.key as string | undefined, accountId: input.options.account as string | undefined, names: { key: '--key', account: '--account' } })
        const plans = options.plans(services.env)
        const checks = targetChecks(target, plans)
        const json = describeLimits(target, plans, checks, await readCounters(services, checks, options.redisPrefix))
        const rows = json.limits.map((limit) => [limit.pattern ? `${limit.scope} ${limit.pattern}` : limit.scope, limit.dimension, limit.limit, limit.source, limit.remaining ?? '-', limit.reset_ms === null ? '-' : formatDuration(limit.reset_ms)])
        const applied = json.plan_applied && json.plan_applied !== json.plan ? `, limits of plan ${json.plan_applied}` : ''
        const heading = `${target.key ? `Key ${target.key.id}, account` : 'Account'} ${json.account_id} (plan ${json.plan}${applied})`
        const note = json.counters ? '' : '\n(remaining: the counters live in the gateway’s memory, or Redis is not reachable; GET /admin/rate-limits shows them)'
        const text = rows.length === 0 ? `${heading}: no rate limits` : `${heading}\n${formatTable([['SCOPE', 'LIMIT', 'VALUE', 'SOURCE', 'REMAINING', 'FULL IN'], ...rows])}${note}`
        return { json, text }
      },
    },
    {
      name: 'limits set',
      describe: "Change an account's own limits (they override its plan's; --clear goes back to the plan)",
      options: {
        account: { type: 'string', describe: 'Account id (acct_…)', required: true },
        rpm: { type: 'number', describe: 'Requests per minute' },
        tpm: { type: 'number', describe: 'Tokens per minute' },
        'max-concurrency': { type: 'number', describe: 'Concurrent requests' },
        clear: { type: 'list', describe: 'Limits to clear: rpm, tpm, max-concurrency' },
      },
      async run(input, services) {
        const changes: AccountChanges = {}
        const clear = (input.options.clear as string[] | undefined) ?? []
        for (const name of clear) if (!FIELDS.some(([option]) => option === name)) throw invalid('clear', `Unknown limit '${name}' (rpm, tpm, max-concurrency)`)
        for (const [option, field] of FIELDS) {
          const value = input.options[option] as number | undefined
          if (value !== undefined && clear.includes(option)) throw invalid(option, `--${option} and --clear ${option} contradict each other`)
          if (value !== undefined && !(Number.isInteger(value) && value >= 1)) throw invalid(option, `--${option} must be a whole number of at least 1`)
          if (value !== undefined) changes[field] = value
          if (clear.includes(option)) changes[field] = null
        }
        if (Object.keys(changes).length === 0) throw invalid('rpm', 'Nothing to change: give --rpm, --tpm, --max-concurrency or --clear')
        const accountId = input.options.account as string
        const account = await (await services.store()).accounts.update(accountId, changes)
        if (!account) throw new GatewayError({ status: 404, param: 'account', code: 'account_not_found', message: `No account '${accountId}'` })
        await publishInvalidation(services.redis, { accountId: account.id }, services.logger)
        const shown = (value: number | null) => (value === null ? 'plan default' : String(value))
        const json = { id: account.id, object: 'account', plan: account.plan, rpm: account.rpm, tpm: account.tpm, max_concurrency: account.maxConcurrency }
        return { json, text: `Account ${account.id} (plan ${account.plan}): rpm ${shown(account.rpm)}, tpm ${shown(account.tpm)}, max concurrency ${shown(account.maxConcurrency)}` }
      },
    },
  ]
}
