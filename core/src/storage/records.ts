/**
 * What the store keeps, as plain records (camelCase, Dates, integer micro-USD). Both dialect
 * schemas infer exactly these shapes (checked in records.test.ts).
 */
export type AccountStatus = 'active' | 'suspended'
export type ApiKeyType = 'private' | 'public'

export interface AccountRecord {
  id: string
  name: string
  plan: string
  status: AccountStatus
  /** Requests per minute for the whole account (null = plan default). */
  rpm: number | null
  /** Tokens per minute for the whole account (null = plan default). */
  tpm: number | null
  maxConcurrency: number | null
  /** Prepaid balance in micro-USD (1 USD = 1,000,000). */
  balanceMicros: number
  /** Money held by in-flight requests, in micro-USD. */
  reservedMicros: number
  createdAt: Date
  updatedAt: Date
}

export interface ProjectRecord {
  id: string
  accountId: string
  name: string
  createdAt: Date
}

export interface ApiKeyRecord {
  id: string
  accountId: string
  projectId: string | null
  name: string
  type: ApiKeyType
  /** SHA-256 of the full key, hex: the key itself is never stored. */
  hash: string
  /** The start of the key, safe to display (`sk-tg-AbCd1234`). */
  prefix: string
  scopes: string[]
  /** Model allowlist (ids or `*` patterns); null = every model. */
  models: string[] | null
  /** Browser origins allowed to use the key (exact or `*` patterns); null = none. */
  allowedOrigins: string[] | null
  rpm: number | null
  tpm: number | null
  maxConcurrency: number | null
  /** Spend cap in micro-USD; null = none. */
  spendLimitMicros: number | null
  expiresAt: Date | null
  revokedAt: Date | null
  lastUsedAt: Date | null
  /** Who created it: `master`, or the id of the key that did. */
  createdBy: string | null
  createdAt: Date
}

export type NewAccount = Pick<AccountRecord, 'name'> & Partial<Pick<AccountRecord, 'plan' | 'status' | 'rpm' | 'tpm' | 'maxConcurrency'>>
export type AccountChanges = Partial<Pick<AccountRecord, 'name' | 'plan' | 'status' | 'rpm' | 'tpm' | 'maxConcurrency'>>
export type NewProject = Pick<ProjectRecord, 'accountId' | 'name'>
/** A key to insert: everything but the timestamps the store fills in (`id` is generated when absent). */
export type NewApiKey = Omit<ApiKeyRecord, 'id' | 'createdAt' | 'lastUsedAt' | 'revokedAt'> & { id?: string; createdAt?: Date }
