import { expect, test } from 'bun:test'
import { balanceRequirement } from './balance-rules'

const plans = {
  pro: [{ models: ['anthropic/claude-opus-*'], minimumBalance: 5 }, { requirePositiveBalance: true }],
  '*': [{ models: ['mock/*'], requirePositiveBalance: true }],
}

test('without rules the balance only has to cover the reservation (a free request needs nothing)', () => {
  expect(balanceRequirement({}, 'default', ['gpt-4o', 'openai/gpt-4o'], 1234)).toEqual({ thresholdMicros: 1234, minimumMicros: 0 })
  expect(balanceRequirement({}, undefined, ['mock/echo'], 0)).toEqual({ thresholdMicros: 0, minimumMicros: 0 })
})

test("the first rule of the account's plan matching the model applies: a minimum on top of the reservation", () => {
  expect(balanceRequirement(plans, 'pro', ['opus', 'anthropic/claude-opus-4-6'], 2_000_000)).toEqual({ thresholdMicros: 7_000_000, minimumMicros: 5_000_000 })
  expect(balanceRequirement(plans, 'pro', ['gpt-4o', 'openai/gpt-4o'], 0)).toEqual({ thresholdMicros: 1, minimumMicros: 0 })
})

test('plans without rules of their own take the `*` rules', () => {
  expect(balanceRequirement(plans, 'free', ['mock/echo'], 0)).toEqual({ thresholdMicros: 1, minimumMicros: 0 })
  expect(balanceRequirement(plans, 'free', ['openai/gpt-4o'], 10)).toEqual({ thresholdMicros: 10, minimumMicros: 0 })
})
