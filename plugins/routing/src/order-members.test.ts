import { describe, expect, test } from 'bun:test'
import { alpha, routeTo } from '../test-support/fake-providers'
import type { RouteMember } from './create-route-table'
import { orderMembers, weightedShuffle, type LoadView } from './order-members'

const member = (id: string, extra: Partial<RouteMember> & { price?: { input: number; output: number } } = {}): RouteMember => ({
  deployment: { id, route: routeTo(alpha, id), baseURL: '', custom: false, price: extra.price },
  weight: extra.weight ?? 1,
  priority: extra.priority ?? 0,
})

/** A deterministic sequence standing in for Math.random. */
const sequence = (...values: number[]) => {
  let index = 0
  return () => values[index++ % values.length]
}

const ids = (members: RouteMember[]) => members.map((entry) => entry.deployment.id)
const idle: LoadView = { inFlight: () => 0, latencyMs: () => undefined }

describe('weighted random', () => {
  test('picks proportionally to weight: a draw in the first 3/4 picks the weight-3 deployment', () => {
    const members = [member('heavy', { weight: 3 }), member('light', { weight: 1 })]
    expect(ids(weightedShuffle(members, sequence(0.74)))).toEqual(['heavy', 'light'])
    expect(ids(weightedShuffle(members, sequence(0.75)))).toEqual(['light', 'heavy'])
  })

  test('over many draws the share follows the weights', () => {
    const members = [member('a', { weight: 3 }), member('b', { weight: 1 })]
    let seed = 7
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646
    let first = 0
    for (let i = 0; i < 4000; i++) if (weightedShuffle(members, random)[0].deployment.id === 'a') first++
    expect(first / 4000).toBeWithin(0.72, 0.78)
  })

  test('weight 0 is a last resort', () => {
    expect(ids(weightedShuffle([member('spare', { weight: 0 }), member('main')], sequence(0)))).toEqual(['main', 'spare'])
  })
})

describe('strategies', () => {
  const members = [
    member('a', { priority: 2, price: { input: 1, output: 1 } }),
    member('b', { priority: 0 }),
    member('c', { priority: 1, price: { input: 0.5, output: 0.5 } }),
  ]

  test('priority: lower first', () => {
    expect(ids(orderMembers(members, 'priority', idle, sequence(0)))).toEqual(['b', 'c', 'a'])
  })

  test('least in-flight', () => {
    const load: LoadView = { ...idle, inFlight: (id) => ({ a: 0, b: 5, c: 2 })[id]! }
    expect(ids(orderMembers(members, 'least-in-flight', load, sequence(0)))).toEqual(['a', 'c', 'b'])
  })

  test('lowest latency: moving averages, unmeasured first', () => {
    const load: LoadView = { ...idle, latencyMs: (id) => ({ a: 300, b: undefined, c: 100 })[id] }
    expect(ids(orderMembers(members, 'lowest-latency', load, sequence(0)))).toEqual(['b', 'c', 'a'])
  })

  test('lowest price: input + output per million; unpriced last', () => {
    expect(ids(orderMembers(members, 'lowest-price', idle, sequence(0)))).toEqual(['c', 'a', 'b'])
  })

  test('ties keep the weighted random order', () => {
    const tied = [member('x'), member('y')]
    expect(ids(orderMembers(tied, 'priority', idle, sequence(0.9)))).toEqual(['y', 'x'])
    expect(ids(orderMembers(tied, 'priority', idle, sequence(0.1)))).toEqual(['x', 'y'])
  })
})
