import { expect, test } from 'bun:test'
import { createId } from './create-id'

test('ids carry their prefix, have a fixed length and sort in creation order', () => {
  const ids = Array.from({ length: 2000 }, () => createId('key'))
  expect(ids.every((id) => /^key_[0-9a-v]{23}$/.test(id))).toBe(true)
  expect([...ids].sort()).toEqual(ids)
  expect(new Set(ids).size).toBe(ids.length)
})
