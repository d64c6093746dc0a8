import { formatTable, type CommandInput, type PluginCommand, type PluginServices } from '@tollgate/core'
import { publishInvalidation } from './invalidation-channel'
import { createAccount, createKey, revokeKey } from './manage-keys'
import type { KeyInput } from './read-key-input'
import { renderAccount, renderApiKey } from './render-records'

const string = (input: CommandInput, name: string) => input.options[name] as string | undefined
const number = (input: CommandInput, name: string) => input.options[name] as number | undefined
const list = (input: CommandInput, name: string) => input.options[name] as string[] | undefined
const time = (seconds: number | null) => (seconds === null ? null : new Date(seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z'))

const pageOptions = {
  limit: { type: 'number', describe: 'How many (1-100, default 20)' },
  after: { type: 'string', describe: 'Continue after this id (the last one shown)' },
} as const

const limitOptions = {
  rpm: { type: 'number', describe: 'Requests per minute' },
  tpm: { type: 'number', describe: 'Tokens per minute' },
  'max-concurrency': { type: 'number', describe: 'Concurrent requests' },
} as const

/** `bun run tollgate accounts …` and `keys …`: the same operations as the admin API, on the same store. */
export const keysCommands: PluginCommand[] = [
  {
    name: 'accounts create',
    describe: 'Create an account',
    options: { name: { type: 'string', describe: 'Account name', required: true }, plan: { type: 'string', describe: 'Plan (default: default)' }, ...limitOptions },
    async run(input, services) {
      const account = await createAccount(await services.store(), {
        name: string(input, 'name'),
        plan: string(input, 'plan'),
        rpm: number(input, 'rpm'),
        tpm: number(input, 'tpm'),
        max_concurrency: number(input, 'max-concurrency'),
      })
      return { json: renderAccount(account), text: `Created account ${account.id} (${account.name}, plan ${account.plan})` }
    },
  },
  {
    name: 'accounts list',
    describe: 'List accounts, newest first',
    options: pageOptions,
    async run(input, services) {
      const page = await (await services.store()).accounts.list({ limit: number(input, 'limit'), after: string(input, 'after') })
      const accounts = page.data.map(renderAccount)
      const rows = accounts.map((account) => [account.id, account.name, account.plan, account.status, account.balance.toFixed(2), time(account.created_at)])
      const more = page.hasMore ? `\n(more: --after ${accounts.at(-1)!.id})` : ''
      return { json: { object: 'list', data: accounts, has_more: page.hasMore }, text: formatTable([['ID', 'NAME', 'PLAN', 'STATUS', 'BALANCE (USD)', 'CREATED'], ...rows]) + more }
    },
  },
  {
    name: 'keys create',
    describe: 'Create a key for an account (its secret is printed once)',
    options: {
      account: { type: 'string', describe: 'Account id', required: true },
      name: { type: 'string', describe: 'Key name', required: true },
      type: { type: 'string', describe: 'private (default) or public' },
      scopes: { type: 'list', describe: 'inference, models:read, keys:write, usage:read, billing:read, admin' },
      models: { type: 'list', describe: 'Model allowlist (ids or patterns with *)' },
      origins: { type: 'list', describe: 'Allowed browser origins (public keys)' },
      project: { type: 'string', describe: 'Project id' },
      'expires-at': { type: 'string', describe: 'Expiry: ISO 8601 date-time or Unix seconds' },
      'spend-limit': { type: 'number', describe: 'Spend cap in USD' },
      ...limitOptions,
    },
    async run(input, services) {
      const body: KeyInput = {
        name: string(input, 'name')!,
        type: (string(input, 'type') ?? 'private') as KeyInput['type'],
        scopes: list(input, 'scopes'),
        models: list(input, 'models'),
        allowed_origins: list(input, 'origins'),
        project_id: string(input, 'project'),
        expires_at: string(input, 'expires-at'),
        spend_limit: number(input, 'spend-limit'),
        rpm: number(input, 'rpm'),
        tpm: number(input, 'tpm'),
        max_concurrency: number(input, 'max-concurrency'),
      }
      const created = await createKey(await services.store(), string(input, 'account')!, body, { createdBy: 'master' })
      const key = renderApiKey(created.record)
      const text = [`Created ${key.type} key ${key.id} (${key.name}) for account ${key.account_id}, scopes ${key.scopes.join(', ')}:`, '', `    ${created.key}`, '', 'Store it now: it is shown only once.']
      return { json: { ...key, key: created.key }, text: text.join('\n') }
    },
  },
  {
    name: 'keys list',
    describe: 'List keys (all, or one account’s), newest first',
    options: { account: { type: 'string', describe: 'Only this account' }, ...pageOptions },
    async run(input, services) {
      const page = await (await services.store()).apiKeys.list({ accountId: string(input, 'account') }, { limit: number(input, 'limit'), after: string(input, 'after') })
      const keys = page.data.map((record) => renderApiKey(record))
      const rows = keys.map((key) => [key.id, key.name, key.type, `${key.prefix}…`, key.account_id, key.scopes.join(','), key.revoked ? 'revoked' : 'active', time(key.last_used_at)])
      const more = page.hasMore ? `\n(more: --after ${keys.at(-1)!.id})` : ''
      return { json: { object: 'list', data: keys, has_more: page.hasMore }, text: formatTable([['ID', 'NAME', 'TYPE', 'PREFIX', 'ACCOUNT', 'SCOPES', 'STATUS', 'LAST USED'], ...rows]) + more }
    },
  },
  {
    name: 'keys revoke',
    describe: 'Revoke a key (running gateways drop it at once when they share Redis, else within their cache TTL)',
    arguments: [{ name: 'id', describe: 'Key id (key_…)', required: true }],
    async run(input, services: PluginServices) {
      const key = renderApiKey(await revokeKey(await services.store(), input.arguments.id!))
      await publishInvalidation(services.redis, { keyId: key.id }, services.logger)
      return { json: key, text: `Revoked key ${key.id} (${key.name}) at ${time(key.revoked_at)}` }
    },
  },
]
