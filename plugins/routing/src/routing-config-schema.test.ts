import { describe, expect, test } from 'bun:test'
import { validateBreakerPolicy, validateRetryPolicy, validateRoutes } from './routing-config-schema'
import { routing } from './routing-plugin'

describe('routing configuration is checked when the plugin is created', () => {
  test('a valid route passes unchanged', () => {
    const routes = { smart: { strategy: 'lowest-latency', deployments: [{ provider: 'openai', model: 'gpt-4o', limits: { rpm: 60 }, price: { input: 2.5, output: 10 } }], contextFallback: 'big' } }
    expect(validateRoutes(routes, 'test')).toBe(routes as never)
  })

  test('mistakes are named by path: unknown strategy, empty deployments, unknown field, bad limit', () => {
    expect(() => validateRoutes({ smart: { strategy: 'fastest', deployments: [{ provider: 'a', model: 'b' }] } }, 'test')).toThrow('/smart/strategy')
    expect(() => validateRoutes({ smart: { deployments: [] } }, 'test')).toThrow('/smart/deployments')
    expect(() => validateRoutes({ smart: { deployments: [{ provider: 'a', model: 'b', wieght: 2 }] } }, 'test')).toThrow('/smart/deployments/0')
    expect(() => validateRoutes({ smart: { deployments: [{ provider: 'a', model: 'b', limits: { rpm: 0 } }] } }, 'test')).toThrow('/smart/deployments/0/limits/rpm')
  })

  test('retry and breaker policies are checked too', () => {
    expect(() => validateRetryPolicy({ retries: -1 }, 'test')).toThrow('/retries')
    expect(() => validateBreakerPolicy({ failureRate: 2 }, 'test')).toThrow('/failureRate')
  })

  test('routing() throws at config time, naming the option', () => {
    expect(() => routing({ routes: { smart: { deployments: [] } } })).toThrow('Invalid routing configuration (routing({ routes }))')
    expect(() => routing({ retry: { timeoutMs: 0 } })).toThrow('routing({ retry })')
  })
})
