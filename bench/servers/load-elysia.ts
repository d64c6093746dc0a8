import { join } from 'node:path'

/**
 * Elysia exactly as the gateway gets it: resolved from core's own dependencies, so the minimal
 * proxy runs the same framework version as the gateway under test (the bench adds no dependency).
 */
export async function loadElysia(): Promise<typeof import('../../core/node_modules/elysia')> {
  return import(Bun.resolveSync('elysia', join(import.meta.dir, '../../core/src')))
}
