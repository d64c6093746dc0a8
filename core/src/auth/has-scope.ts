import type { Principal } from '../plugin/gateway-plugin'

/** A principal holds a scope when it lists it, or holds `*` (the master key) or `admin`. */
export function hasScope(principal: Principal, scope: string): boolean {
  return principal.scopes.includes(scope) || principal.scopes.includes('*') || principal.scopes.includes('admin')
}
