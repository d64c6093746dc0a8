import { describe, expect, test } from 'bun:test'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readEnvironmentRoutes } from './read-environment-routes'
import type { RouteConfig } from './routing-options'

const routes: Record<string, RouteConfig> = { smart: { strategy: 'weighted', deployments: [{ provider: 'openai', model: 'gpt-4o', weight: 2, apiKeyEnv: 'OPENAI_KEY_EU' }] } }

describe('readEnvironmentRoutes (TOLLGATE_ROUTES)', () => {
  test('unset or blank: no routes', () => {
    expect(readEnvironmentRoutes({})).toEqual({})
    expect(readEnvironmentRoutes({ TOLLGATE_ROUTES: '  ' })).toEqual({})
  })

  test('inline JSON', () => {
    expect(readEnvironmentRoutes({ TOLLGATE_ROUTES: JSON.stringify(routes) })).toEqual(routes)
  })

  test('the path of a JSON file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tollgate-routes-')), 'routes.json')
    writeFileSync(file, JSON.stringify(routes))
    expect(readEnvironmentRoutes({ TOLLGATE_ROUTES: file })).toEqual(routes)
  })

  test('errors say what is wrong and where', () => {
    expect(() => readEnvironmentRoutes({ TOLLGATE_ROUTES: '{"smart": ' })).toThrow('TOLLGATE_ROUTES is not valid JSON')
    expect(() => readEnvironmentRoutes({ TOLLGATE_ROUTES: '/nowhere/routes.json' })).toThrow('TOLLGATE_ROUTES names a file that cannot be read: /nowhere/routes.json (ENOENT)')
    expect(() => readEnvironmentRoutes({ TOLLGATE_ROUTES: '{"smart":{"deployments":[{"provider":"openai","model":"gpt-4o","weight":-1}]}}' })).toThrow('/smart/deployments/0/weight')
  })
})
