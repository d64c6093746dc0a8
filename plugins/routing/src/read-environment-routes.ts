import { readFileSync } from 'node:fs'
import type { RouteConfig } from './routing-options'
import { validateRoutes } from './routing-config-schema'

/**
 * Routes from the environment: `TOLLGATE_ROUTES` holds either the JSON itself (it starts with
 * `{`) or the path of a JSON file. The shape is the same as `routing({ routes })`. Keys belong
 * in other variables, named by each deployment's `apiKeyEnv`.
 */
export function readEnvironmentRoutes(env: Record<string, string | undefined>): Record<string, RouteConfig> {
  const value = env.TOLLGATE_ROUTES?.trim()
  if (!value) return {}
  const fromFile = !value.startsWith('{')
  let text = value
  if (fromFile) {
    try {
      text = readFileSync(value, 'utf8')
    } catch (error) {
      throw new Error(`TOLLGATE_ROUTES names a file that cannot be read: ${value} (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
    }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new Error(`TOLLGATE_ROUTES${fromFile ? ` (${value})` : ''} is not valid JSON: ${(error as Error).message}`)
  }
  return validateRoutes(parsed, fromFile ? `TOLLGATE_ROUTES file ${value}` : 'TOLLGATE_ROUTES')
}
