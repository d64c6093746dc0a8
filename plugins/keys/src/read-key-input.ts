import { GatewayError, hasScope, matchesAny, usdToMicros, type ApiKeyType, type NewApiKey, type Principal } from '@tollgate/core'
import { DEFAULT_PRIVATE_SCOPES, PUBLIC_SCOPES, isScope } from './scopes'

/** The body of `POST /admin/accounts/{id}/keys` and `POST /v1/keys` (and the CLI's options). */
export interface KeyInput {
  name: string
  type: ApiKeyType
  scopes?: string[]
  models?: string[]
  project_id?: string
  /** Unix seconds, or an ISO 8601 date-time. */
  expires_at?: number | string
  rpm?: number
  tpm?: number
  max_concurrency?: number
  /** Decimal USD. */
  spend_limit?: number
  allowed_origins?: string[]
}

export type KeySettings = Omit<NewApiKey, 'accountId' | 'hash' | 'prefix' | 'createdBy'>

const ORIGIN = /^(https?:\/\/[^/\s?#]+|null)$/
const invalid = (param: string, message: string) => new GatewayError({ status: 400, param, code: 'invalid_request', message })

/**
 * Check a key request and turn it into stored settings. With a `grantor` (self-service), the
 * new key can hold no scope and no model the grantor does not hold itself.
 */
export function readKeyInput(input: KeyInput, grantor?: Principal): KeySettings {
  const name = input.name?.trim()
  if (!name || name.length > 200) throw invalid('name', "'name' must be 1 to 200 characters")
  if (input.type !== 'private' && input.type !== 'public') throw invalid('type', "'type' must be 'private' or 'public'")
  const publicKey = input.type === 'public'

  const scopes = [...new Set(input.scopes ?? (publicKey ? PUBLIC_SCOPES : DEFAULT_PRIVATE_SCOPES))]
  scopes.forEach((scope, index) => {
    if (!isScope(scope)) throw invalid(`scopes[${index}]`, `Unknown scope '${scope}'`)
  })
  if (publicKey && scopes.some((scope) => scope !== 'inference')) throw invalid('scopes', "A public key can only hold the 'inference' scope")
  const models = input.models?.map((model) => model.trim())
  if (models?.some((model) => !model)) throw invalid('models', 'Model entries cannot be empty')
  if (publicKey && !models?.length) throw invalid('models', 'A public key must be bound to at least one model')
  const origins = input.allowed_origins?.map((origin) => origin.trim().replace(/\/$/, ''))
  origins?.forEach((origin, index) => {
    if (!ORIGIN.test(origin)) throw invalid(`allowed_origins[${index}]`, `'${origin}' is not an origin like https://app.example.com (a * may stand for part of the host)`)
  })
  if (publicKey && !origins?.length) throw invalid('allowed_origins', 'A public key must list the browser origins allowed to use it')

  if (grantor) checkGrantable(grantor, scopes, models)
  return {
    name,
    type: input.type,
    projectId: input.project_id ?? null,
    scopes,
    models: models ?? null,
    allowedOrigins: origins ?? null,
    rpm: positive(input.rpm, 'rpm'),
    tpm: positive(input.tpm, 'tpm'),
    maxConcurrency: positive(input.max_concurrency, 'max_concurrency'),
    spendLimitMicros: input.spend_limit === undefined ? null : money(input.spend_limit, 'spend_limit'),
    expiresAt: input.expires_at === undefined ? null : futureDate(input.expires_at, 'expires_at'),
  }
}

function checkGrantable(grantor: Principal, scopes: string[], models: string[] | undefined) {
  const missing = scopes.filter((scope) => !hasScope(grantor, scope))
  if (missing.length) {
    throw new GatewayError({ status: 403, param: 'scopes', code: 'scope_not_grantable', message: `This key cannot grant scopes it does not hold: ${missing.join(', ')}` })
  }
  if (!grantor.models) return
  // Entries are compared as text: the grantor's pattern must cover each new entry, wildcards included.
  const outside = (models ?? ['*']).filter((model) => !matchesAny(grantor.models!, [model]))
  if (outside.length) {
    throw new GatewayError({ status: 403, param: 'models', code: 'model_not_grantable', message: `This key cannot grant models outside its own allowlist: ${outside.join(', ')}` })
  }
}

export function positive(value: number | null | undefined, param: string): number | null {
  if (value === undefined || value === null) return null
  if (!Number.isSafeInteger(value) || value < 1) throw invalid(param, `'${param}' must be a positive integer`)
  return value
}

function money(usd: number, param: string): number {
  if (!Number.isFinite(usd) || usd < 0) throw invalid(param, `'${param}' must be a non-negative amount in USD`)
  try {
    return usdToMicros(usd)
  } catch {
    throw invalid(param, `'${param}' is out of range`)
  }
}

function futureDate(value: number | string, param: string): Date {
  const date = typeof value === 'number' ? new Date(value * 1000) : /^\d+$/.test(value) ? new Date(Number(value) * 1000) : new Date(value)
  if (Number.isNaN(date.getTime())) throw invalid(param, `'${param}' must be Unix seconds or an ISO 8601 date-time`)
  if (date.getTime() <= Date.now()) throw invalid(param, `'${param}' must be in the future`)
  return date
}
