import { readJsonSetting } from '@tollgate/core'
import type { PriceConfig } from './billing-options'
import { validatePrices } from './billing-config-schema'

/**
 * `TOLLGATE_PRICES`: the same `prices` object as JSON, or the path of a JSON file. Prices given
 * there override both the built-in and the configured ones, model by model.
 */
export function readEnvironmentPrices(env: Record<string, string | undefined>): Record<string, PriceConfig | PriceConfig[]> {
  const setting = readJsonSetting(env, 'TOLLGATE_PRICES')
  return setting ? validatePrices(setting.value, setting.source) : {}
}
