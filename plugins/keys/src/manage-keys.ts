import { GatewayError, type AccountRecord, type ApiKeyRecord, type Principal, type Store } from '@tollgate/core'
import { generateApiKey } from './api-key-format'
import { readAccountInput, type AccountInput } from './read-account-input'
import { readKeyInput, type KeyInput } from './read-key-input'

/** Operations shared by the admin API, the self-service API and the CLI: checked input in, records out. */

const notFound = (what: 'account' | 'key' | 'project', id: string, param = 'id') =>
  new GatewayError({ status: 404, param, code: `${what}_not_found`, message: `No ${what} '${id}'` })

export async function createAccount(store: Store, input: AccountInput): Promise<AccountRecord> {
  const changes = readAccountInput(input, { creating: true })
  return store.accounts.create({ ...changes, name: changes.name! })
}

export async function getAccount(store: Store, id: string): Promise<AccountRecord> {
  const account = await store.accounts.get(id)
  if (!account) throw notFound('account', id)
  return account
}

export async function updateAccount(store: Store, id: string, input: AccountInput): Promise<AccountRecord> {
  const account = await store.accounts.update(id, readAccountInput(input, { creating: false }))
  if (!account) throw notFound('account', id)
  return account
}

export interface CreatedKey {
  record: ApiKeyRecord
  /** The full key: returned once, never stored. */
  key: string
}

/**
 * Mint a key for an account. `createdBy` is `master` or the creating key's id; with a `grantor`
 * (self-service), the key holds no more than the grantor does.
 */
export async function createKey(store: Store, accountId: string, input: KeyInput, options: { createdBy: string; grantor?: Principal }): Promise<CreatedKey> {
  const settings = readKeyInput(input, options.grantor)
  await getAccount(store, accountId)
  if (settings.projectId && !(await store.projects.get(settings.projectId, accountId))) throw notFound('project', settings.projectId, 'project_id')
  const generated = generateApiKey(settings.type)
  const record = await store.apiKeys.create({ ...settings, accountId, hash: generated.hash, prefix: generated.prefix, createdBy: options.createdBy })
  return { record, key: generated.key }
}

export async function getKey(store: Store, id: string, accountId?: string): Promise<ApiKeyRecord> {
  const key = await store.apiKeys.get(id, accountId)
  if (!key) throw notFound('key', id)
  return key
}

/** Revoke (idempotent). With `accountId`, a key of another account is "not found", like one that does not exist. */
export async function revokeKey(store: Store, id: string, accountId?: string): Promise<ApiKeyRecord> {
  const key = await store.apiKeys.revoke(id, accountId)
  if (!key) throw notFound('key', id)
  return key
}

export async function createProject(store: Store, accountId: string, name: string) {
  const trimmed = name?.trim()
  if (!trimmed || trimmed.length > 200) throw new GatewayError({ status: 400, param: 'name', code: 'invalid_request', message: "'name' must be 1 to 200 characters" })
  await getAccount(store, accountId)
  return store.projects.create({ accountId, name: trimmed })
}
