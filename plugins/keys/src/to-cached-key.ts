import type { AccountRecord, ApiKeyRecord, Principal, PrincipalLimits } from '@tollgate/core'
import type { CachedKey } from './key-cache'

const limits = (source: { rpm: number | null; tpm: number | null; maxConcurrency: number | null; spendLimitMicros?: number | null }): PrincipalLimits => {
  const result: PrincipalLimits = {}
  if (source.rpm !== null) result.rpm = source.rpm
  if (source.tpm !== null) result.tpm = source.tpm
  if (source.maxConcurrency !== null) result.maxConcurrency = source.maxConcurrency
  if (source.spendLimitMicros !== undefined && source.spendLimitMicros !== null) result.spendLimitMicros = source.spendLimitMicros
  return result
}

/** A stored key and its account → what authentication caches: the principal (frozen: shared by requests) and its state. */
export function toCachedKey(key: ApiKeyRecord, account: AccountRecord): CachedKey {
  const principal: Principal = {
    keyId: key.id,
    accountId: key.accountId,
    scopes: Object.freeze([...key.scopes]) as string[],
    models: key.models ? (Object.freeze([...key.models]) as string[]) : undefined,
    allowedOrigins: key.allowedOrigins ? (Object.freeze([...key.allowedOrigins]) as string[]) : undefined,
    projectId: key.projectId ?? undefined,
    plan: account.plan,
    keyLimits: Object.freeze(limits(key)),
    accountLimits: Object.freeze(limits(account)),
    attributes: Object.freeze({ keyType: key.type, keyName: key.name }),
  }
  return {
    principal: Object.freeze(principal),
    keyId: key.id,
    accountId: key.accountId,
    type: key.type,
    expiresAt: key.expiresAt?.getTime(),
    revoked: key.revokedAt !== null,
    accountSuspended: account.status !== 'active',
  }
}
