import { describe, expect, test } from 'bun:test'
import { alpha, beta, catalog } from '../test-support/fake-providers'
import { createRouteTable, type NamedRouteConfig } from './create-route-table'
import { DEFAULT_RETRY_POLICY, type RouteConfig } from './routing-options'

const table = (routes: Record<string, RouteConfig>, env: Record<string, string> = {}) =>
  createRouteTable({
    routes: Object.entries(routes).map(([name, config]): NamedRouteConfig => ({ name, config, source: 'config' })),
    providers: [alpha, beta],
    catalog,
    env,
    retry: DEFAULT_RETRY_POLICY,
  })

describe('route table', () => {
  test('a route lists its deployments; priority defaults to the list position; strategy to priority', () => {
    const routes = table({ smart: { deployments: [{ provider: 'alpha', model: 'alpha-large' }, { provider: 'beta', model: 'beta-large', weight: 3 }] } })
    const smart = routes.resolve('smart')
    expect(smart.strategy).toBe('priority')
    expect(smart.members.map(({ deployment, weight, priority }) => [deployment.id, weight, priority])).toEqual([
      ['alpha/alpha-large', 1, 0],
      ['beta/beta-large', 3, 1],
    ])
    expect(smart.members[0].deployment.route.provider).toBe(alpha)
    expect(smart.members[0].deployment.route.model?.contextWindow).toBe(200_000)
  })

  test('own key and base URL make a new provider object; the key never shows in the admin fields', () => {
    const routes = table({ eu: { deployments: [{ provider: 'alpha', model: 'alpha-large', apiKeyEnv: 'EU_KEY', baseURL: 'https://user:pw@eu.alpha.example/v1/?token=x', contextWindow: 100 }] } }, { EU_KEY: 'sk-eu' })
    const [{ deployment }] = routes.resolve('eu').members
    expect(deployment.id).toBe('alpha/alpha-large@eu.alpha.example')
    expect(deployment.route.provider.apiKey).toBe('sk-eu')
    expect(deployment.route.provider.spec).toBe(alpha.spec)
    expect(deployment.route.model).toMatchObject({ id: 'alpha-large', contextWindow: 100 })
    expect(deployment.baseURL).toBe('https://eu.alpha.example/v1')
    expect(deployment.custom).toBe(true)
  })

  test('the same upstream in two routes is one deployment (one breaker); a different key gets its own id', () => {
    const routes = table({
      first: { deployments: [{ provider: 'alpha', model: 'alpha-large' }] },
      second: { deployments: [{ provider: 'alpha', model: 'alpha-large', weight: 5 }, { provider: 'alpha', model: 'alpha-large', apiKey: 'sk-other' }] },
    })
    const [shared, other] = routes.resolve('second').members.map((member) => member.deployment)
    expect(shared).toBe(routes.resolve('first').members[0].deployment)
    expect(other.id).toBe('alpha/alpha-large#2')
    // A model that is not a route reuses the deployment of the same upstream.
    expect(routes.resolve('alpha-large').members[0].deployment).toBe(shared)
  })

  test('models that are not routes come from the catalogue (and a 404 when unknown)', () => {
    const routes = table({})
    expect(routes.resolve('beta/beta-new')).toMatchObject({ name: 'beta/beta-new', source: 'catalog', members: [{ deployment: { id: 'beta/beta-new' } }] })
    expect(() => routes.resolve('nothing')).toThrow(expect.objectContaining({ status: 404, code: 'model_not_found' }))
  })

  test('configuration mistakes fail at start with a message naming the place', () => {
    expect(() => table({ r: { deployments: [{ provider: 'gamma', model: 'x' }] } })).toThrow("Route 'r', deployment 0: provider 'gamma' is not configured (configured: alpha, beta)")
    expect(() => table({ r: { deployments: [{ provider: 'alpha', model: 'x', apiKeyEnv: 'MISSING' }] } })).toThrow('MISSING (apiKeyEnv) is not set')
    expect(() => table({ r: { deployments: [{ provider: 'alpha', model: 'x' }], contextFallback: 'nowhere' } })).toThrow("contextFallback 'nowhere' is neither a route nor a known model")
    expect(() => table({ r: { deployments: [{ id: 'a', provider: 'alpha', model: 'x' }, { id: 'a', provider: 'beta', model: 'y' }] } })).toThrow("deployment id 'a' is already used")
  })
})
