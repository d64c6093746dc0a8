/** Every scope a key can hold. `admin` implies all others (see `hasScope` in core). */
export const SCOPES = ['inference', 'models:read', 'keys:write', 'usage:read', 'billing:read', 'admin'] as const
export type Scope = (typeof SCOPES)[number]

/** A private key created without `scopes`: it may call models and read its own usage and balance. */
export const DEFAULT_PRIVATE_SCOPES: Scope[] = ['inference', 'models:read', 'usage:read', 'billing:read']

/** A public key may only do inference. */
export const PUBLIC_SCOPES: Scope[] = ['inference']

export const isScope = (value: string): value is Scope => (SCOPES as readonly string[]).includes(value)
