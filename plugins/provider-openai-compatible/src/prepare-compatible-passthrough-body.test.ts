import { describe, expect, test } from 'bun:test'
import { prepareCompatiblePassthroughBody, renameFields } from './prepare-compatible-passthrough-body'

describe('renameFields (the fast path; core applies the same renames on the canonical path)', () => {
  test('plain and dotted targets; absent fields and no renames leave the body as it is', () => {
    const body = { seed: 1, user: 'u', metadata: { app: 'x' } }
    expect(renameFields(body, { seed: 'random_seed', user: 'metadata.user_id', missing: 'other' })).toEqual({ random_seed: 1, metadata: { app: 'x', user_id: 'u' } })
    expect(body).toEqual({ seed: 1, user: 'u', metadata: { app: 'x' } })
    expect(renameFields(body, undefined)).toBe(body)
  })

  test('a dotted path through a non-object (or an array) replaces it with an object', () => {
    expect(renameFields({ user: 'u', metadata: 'text', list: [1] }, { user: 'metadata.user_id' })).toEqual({ metadata: { user_id: 'u' }, list: [1] })
    expect(renameFields({ user: 'u', metadata: [1] }, { user: 'metadata.user_id' })).toEqual({ metadata: { user_id: 'u' } })
  })
})

test('prepareCompatiblePassthroughBody: a body without messages gets none added; the developer role may be kept', () => {
  expect(prepareCompatiblePassthroughBody({ model: 'x', prompt: 'Hi' }, { modelId: 'm' }, {})).toEqual({ model: 'm', prompt: 'Hi' })
  const messages = [{ role: 'developer', content: 'Be brief.' }]
  expect(prepareCompatiblePassthroughBody({ model: 'x', messages }, { modelId: 'm' }, { supportsDeveloperRole: true }).messages).toBe(messages)
})
