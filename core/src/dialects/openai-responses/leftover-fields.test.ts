import { expect, test } from 'bun:test'
import { leftoverFields } from './leftover-fields'

test('unknown keys and null-valued known keys are left over', () => {
  const known = new Set(['type', 'call_id', 'status'])
  expect(leftoverFields({ type: 'function_call', call_id: 'c', status: null, id: 'fc_1' }, known)).toEqual({ status: null, id: 'fc_1' })
  expect(leftoverFields({ type: 'function_call', call_id: 'c' }, known)).toBeUndefined()
})
