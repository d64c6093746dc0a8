import { describe, expect, test } from 'bun:test'
import { GatewayError } from '../../errors/gateway-error'
import { paginateModels } from './paginate-models'

const items = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }))
const params = { after: 'after', before: 'before' }
const ids = (page: { data: Array<{ id: string }>; hasMore: boolean }) => [page.data.map((item) => item.id).join(''), page.hasMore]

describe('paginateModels', () => {
  test('no limit: everything from the cursor on', () => {
    expect(ids(paginateModels(items, { params }))).toEqual(['abcde', false])
    expect(ids(paginateModels(items, { after: 'b', params }))).toEqual(['cde', false])
  })

  test('forward pages until has_more is false', () => {
    expect(ids(paginateModels(items, { limit: 2, params }))).toEqual(['ab', true])
    expect(ids(paginateModels(items, { limit: 2, after: 'b', params }))).toEqual(['cd', true])
    expect(ids(paginateModels(items, { limit: 2, after: 'd', params }))).toEqual(['e', false])
    expect(ids(paginateModels(items, { limit: 5, params }))).toEqual(['abcde', false])
  })

  test('backward pages end right before the cursor', () => {
    expect(ids(paginateModels(items, { limit: 2, before: 'e', params }))).toEqual(['cd', true])
    expect(ids(paginateModels(items, { limit: 2, before: 'c', params }))).toEqual(['ab', false])
    expect(ids(paginateModels(items, { limit: 2, before: 'a', params }))).toEqual(['', false])
  })

  test('an unknown cursor is a 400 naming the wire param', () => {
    try {
      paginateModels(items, { after: 'zzz', params: { after: 'after_id', before: 'before_id' } })
      throw new Error('expected a 400')
    } catch (error) {
      expect(error instanceof GatewayError && [error.status, error.param]).toEqual([400, 'after_id'])
    }
  })
})
