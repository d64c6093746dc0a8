import { readFileSync } from 'node:fs'
import type { PlanLimits } from './ratelimit-options'
import { validatePlans } from './ratelimit-config-schema'

/**
 * Plans from the environment: `TOLLGATE_RATE_LIMITS` holds the JSON itself (it starts with
 * `{`) or the path of a JSON file, in the shape of `rateLimits({ plans })`:
 * `{"free": {"rpm": 20, "tpm": 40000, "maxConcurrency": 2}}`.
 */
export function readEnvironmentPlans(env: Record<string, string | undefined>): Record<string, PlanLimits> {
  const value = env.TOLLGATE_RATE_LIMITS?.trim()
  if (!value) return {}
  const fromFile = !value.startsWith('{')
  let text = value
  if (fromFile) {
    try {
      text = readFileSync(value, 'utf8')
    } catch (error) {
      throw new Error(`TOLLGATE_RATE_LIMITS names a file that cannot be read: ${value} (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
    }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new Error(`TOLLGATE_RATE_LIMITS${fromFile ? ` (${value})` : ''} is not valid JSON: ${(error as Error).message}`)
  }
  return validatePlans(parsed, fromFile ? `TOLLGATE_RATE_LIMITS file ${value}` : 'TOLLGATE_RATE_LIMITS')
}
