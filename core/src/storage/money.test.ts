import { expect, test } from 'bun:test'
import { microsToUsd, usdToMicros } from './money'

test('decimal USD converts to integer micro-USD without float drift', () => {
  expect(usdToMicros(0.1)).toBe(100_000)
  expect(usdToMicros(19.99)).toBe(19_990_000)
  expect(usdToMicros(0.0000015)).toBe(2)
  expect(usdToMicros(-2.5)).toBe(-2_500_000)
  expect(usdToMicros(0)).toBe(0)
  // Summing micro-USD is exact where summing floats is not.
  expect(0.1 + 0.2).not.toBe(0.3)
  expect(microsToUsd(usdToMicros(0.1) + usdToMicros(0.2))).toBe(0.3)
})

test('out-of-range amounts are refused, not silently rounded', () => {
  expect(() => usdToMicros(1e12)).toThrow(RangeError)
  expect(() => usdToMicros(Number.NaN)).toThrow(RangeError)
})
