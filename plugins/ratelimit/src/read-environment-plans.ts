import { readJsonSetting } from '@tollgate/core'
import type { PlanLimits } from './ratelimit-options'
import { validatePlans } from './ratelimit-config-schema'

/**
 * Plans from the environment: `TOLLGATE_RATE_LIMITS` holds the JSON itself (it starts with
 * `{`) or the path of a JSON file, in the shape of `rateLimits({ plans })`:
 * `{"free": {"rpm": 20, "tpm": 40000, "maxConcurrency": 2}}`.
 */
export function readEnvironmentPlans(env: Record<string, string | undefined>): Record<string, PlanLimits> {
  const setting = readJsonSetting(env, 'TOLLGATE_RATE_LIMITS')
  return setting ? validatePlans(setting.value, setting.source) : {}
}
