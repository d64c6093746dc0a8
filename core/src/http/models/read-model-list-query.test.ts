import { describe, expect, test } from 'bun:test'
import { GatewayError } from '../../errors/gateway-error'
import { readModelListQuery } from './read-model-list-query'

const providers = ['openai', 'anthropic', 'mock']
const paramOf = (query: Record<string, string>, family: 'openai' | 'anthropic' | 'gemini' = 'openai') => {
  try {
    readModelListQuery(query, family, providers)
  } catch (error) {
    if (error instanceof GatewayError) return [error.status, error.param]
    throw error
  }
  throw new Error('expected a 400')
}

describe('readModelListQuery', () => {
  test('OpenAI: no limit means the whole list; after/before cursors; filters', () => {
    expect(readModelListQuery({}, 'openai', providers)).toEqual({ page: { limit: undefined, after: undefined, before: undefined, params: { after: 'after', before: 'before' } } })
    expect(readModelListQuery({ limit: '10', after: 'openai/gpt-4o', provider: 'mock', type: 'embedding' }, 'openai', providers)).toEqual({
      provider: 'mock',
      type: 'embedding',
      page: { limit: 10, after: 'openai/gpt-4o', before: undefined, params: { after: 'after', before: 'before' } },
    })
  })

  test('Anthropic: limit 20 by default, after_id/before_id', () => {
    expect(readModelListQuery({ after_id: 'x' }, 'anthropic', providers).page).toEqual({ limit: 20, after: 'x', before: undefined, params: { after: 'after_id', before: 'before_id' } })
  })

  test('Google: pageSize 50 by default, pageToken continues', () => {
    expect(readModelListQuery({ pageToken: 'mock/echo', pageSize: '2' }, 'gemini', providers).page).toEqual({ limit: 2, after: 'mock/echo', params: { after: 'pageToken', before: 'pageToken' } })
    expect(readModelListQuery({}, 'gemini', providers).page.limit).toBe(50)
  })

  test('bad values are 400s naming the param', () => {
    expect(paramOf({ provider: 'nope' })).toEqual([400, 'provider'])
    expect(paramOf({ type: 'image' })).toEqual([400, 'type'])
    expect(paramOf({ limit: '0' })).toEqual([400, 'limit'])
    expect(paramOf({ limit: '1001' })).toEqual([400, 'limit'])
    expect(paramOf({ pageSize: 'x' }, 'gemini')).toEqual([400, 'pageSize'])
    expect(paramOf({ after_id: 'a', before_id: 'b' }, 'anthropic')).toEqual([400, 'before_id'])
  })
})
