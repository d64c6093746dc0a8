import { readJsonSetting } from '@tollgate/core'
import type { RouteConfig } from './routing-options'
import { validateRoutes } from './routing-config-schema'

/**
 * Routes from the environment: `TOLLGATE_ROUTES` holds either the JSON itself (it starts with
 * `{`) or the path of a JSON file. The shape is the same as `routing({ routes })`. Keys belong
 * in other variables, named by each deployment's `apiKeyEnv`.
 */
export function readEnvironmentRoutes(env: Record<string, string | undefined>): Record<string, RouteConfig> {
  const setting = readJsonSetting(env, 'TOLLGATE_ROUTES')
  return setting ? validateRoutes(setting.value, setting.source) : {}
}
