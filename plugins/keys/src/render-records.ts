import { microsToUsd, type AccountRecord, type ApiKeyRecord, type ProjectRecord } from '@tollgate/core'

/** Unix seconds, as OpenAI-style APIs show times. */
const seconds = (date: Date | null) => (date ? Math.floor(date.getTime() / 1000) : null)

export function renderAccount(account: AccountRecord) {
  return {
    id: account.id,
    object: 'account' as const,
    name: account.name,
    plan: account.plan,
    status: account.status,
    rpm: account.rpm,
    tpm: account.tpm,
    max_concurrency: account.maxConcurrency,
    balance: microsToUsd(account.balanceMicros),
    created_at: seconds(account.createdAt)!,
    updated_at: seconds(account.updatedAt)!,
  }
}

/** A key as the API shows it; never the key itself (only `prefix`), except `key` right after creation. */
export function renderApiKey(key: ApiKeyRecord, pendingLastUsed?: Date) {
  const lastUsed = pendingLastUsed && (!key.lastUsedAt || pendingLastUsed > key.lastUsedAt) ? pendingLastUsed : key.lastUsedAt
  return {
    id: key.id,
    object: 'api_key' as const,
    name: key.name,
    type: key.type,
    account_id: key.accountId,
    project_id: key.projectId,
    prefix: key.prefix,
    scopes: key.scopes,
    models: key.models,
    allowed_origins: key.allowedOrigins,
    rpm: key.rpm,
    tpm: key.tpm,
    max_concurrency: key.maxConcurrency,
    spend_limit: key.spendLimitMicros === null ? null : microsToUsd(key.spendLimitMicros),
    expires_at: seconds(key.expiresAt),
    revoked: key.revokedAt !== null,
    revoked_at: seconds(key.revokedAt),
    last_used_at: seconds(lastUsed),
    created_by: key.createdBy,
    created_at: seconds(key.createdAt)!,
  }
}

export function renderProject(project: ProjectRecord) {
  return { id: project.id, object: 'project' as const, name: project.name, account_id: project.accountId, created_at: seconds(project.createdAt)! }
}
