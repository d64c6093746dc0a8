import { describe, expect, test } from 'bun:test'
import { alpha, beta, catalog } from '../test-support/fake-providers'
import { createRouteTable } from './create-route-table'
import { planRoute, type PlanContext } from './plan-route'
import { DEFAULT_RETRY_POLICY } from './routing-options'

const table = createRouteTable({
  routes: [
    {
      name: 'smart',
      source: 'config',
      config: { deployments: [{ provider: 'alpha', model: 'alpha-large' }, { provider: 'beta', model: 'beta-large' }, { provider: 'alpha', model: 'alpha-large', apiKey: 'sk-2', id: 'alpha-2' }] },
    },
    { name: 'small', source: 'config', config: { deployments: [{ provider: 'alpha', model: 'alpha-small' }, { provider: 'alpha', model: 'alpha-large' }] } },
  ],
  providers: [alpha, beta],
  catalog,
  env: {},
  retry: DEFAULT_RETRY_POLICY,
})

const context = (unavailable: string[] = []): PlanContext => ({
  table,
  view: { inFlight: () => 0, latencyMs: () => undefined },
  random: () => 0,
  isAvailable: (id) => !unavailable.includes(id),
})

const plan = (model: string, preferences?: Parameters<typeof planRoute>[1], unavailable?: string[]) =>
  planRoute(model, preferences, context(unavailable)).map(({ entry, member }) => `${entry.name}:${member.deployment.id}`)

describe('planRoute', () => {
  test('the route order (priority = list order)', () => {
    expect(plan('smart')).toEqual(['smart:alpha/alpha-large', 'smart:beta/beta-large', 'smart:alpha-2'])
  })

  test('deployments whose breaker is open go last', () => {
    expect(plan('smart', undefined, ['alpha/alpha-large'])).toEqual(['smart:beta/beta-large', 'smart:alpha-2', 'smart:alpha/alpha-large'])
  })

  test('models: fallback models follow, each deployment once', () => {
    expect(plan('small', { models: ['smart', 'beta/beta-large'] })).toEqual([
      'small:alpha/alpha-small',
      'small:alpha/alpha-large',
      'smart:beta/beta-large',
      'smart:alpha-2',
    ])
  })

  test('provider order with fallbacks: preferred providers first, then the rest', () => {
    expect(plan('smart', { provider: { order: ['beta'], allowFallbacks: true } })).toEqual(['smart:beta/beta-large', 'smart:alpha/alpha-large', 'smart:alpha-2'])
  })

  test('provider pinned (string form): only that provider', () => {
    expect(plan('smart', { provider: { order: ['beta'], allowFallbacks: false } })).toEqual(['smart:beta/beta-large'])
  })

  test('only / ignore filter the deployments', () => {
    expect(plan('smart', { provider: { only: ['alpha'], allowFallbacks: true } })).toEqual(['smart:alpha/alpha-large', 'smart:alpha-2'])
    expect(plan('smart', { provider: { ignore: ['alpha'], allowFallbacks: true } })).toEqual(['smart:beta/beta-large'])
  })

  test('sort overrides the route strategy', () => {
    const priced = createRouteTable({
      routes: [{ name: 'cheap', source: 'config', config: { deployments: [{ provider: 'alpha', model: 'alpha-large', price: { input: 3, output: 15 } }, { provider: 'beta', model: 'beta-large', price: { input: 1, output: 2 } }] } }],
      providers: [alpha, beta],
      catalog,
      env: {},
      retry: DEFAULT_RETRY_POLICY,
    })
    const steps = planRoute('cheap', { provider: { sort: 'price', allowFallbacks: true } }, { ...context(), table: priced })
    expect(steps.map((step) => step.member.deployment.id)).toEqual(['beta/beta-large', 'alpha/alpha-large'])
  })

  test('errors name the param: unknown provider, unknown fallback model, nothing left', () => {
    expect(() => plan('smart', { provider: { order: ['gamma'], allowFallbacks: true } })).toThrow(expect.objectContaining({ status: 400, param: 'provider' }))
    expect(() => plan('smart', { models: ['beta-large', 'nothing'] })).toThrow(expect.objectContaining({ status: 404, param: 'models[1]', code: 'model_not_found' }))
    expect(() => plan('small', { provider: { order: ['beta'], allowFallbacks: false } })).toThrow(expect.objectContaining({ status: 400, param: 'provider', code: 'no_matching_provider' }))
    expect(() => plan('nothing')).toThrow(expect.objectContaining({ status: 404, param: 'model' }))
  })
})
