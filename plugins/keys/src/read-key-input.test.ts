import { describe, expect, test } from 'bun:test'
import type { GatewayError } from '@tollgate/core'
import { readKeyInput } from './read-key-input'

const refusal = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    const { status, param, code } = error as GatewayError
    return { status, param, code }
  }
  throw new Error('expected a refusal')
}

describe('readKeyInput', () => {
  test('defaults: private keys get the default scopes; public keys only inference', () => {
    expect(readKeyInput({ name: ' backend ', type: 'private' })).toEqual({
      name: 'backend',
      type: 'private',
      projectId: null,
      scopes: ['inference', 'models:read', 'usage:read', 'billing:read'],
      models: null,
      allowedOrigins: null,
      rpm: null,
      tpm: null,
      maxConcurrency: null,
      spendLimitMicros: null,
      expiresAt: null,
    })
    const browser = readKeyInput({ name: 'web', type: 'public', models: ['mock/echo'], allowed_origins: ['https://app.example/'] })
    expect([browser.scopes, browser.allowedOrigins]).toEqual([['inference'], ['https://app.example']])
  })

  test('money and times: decimal USD to micro-USD; expiry as Unix seconds or ISO date', () => {
    const future = Math.floor(Date.now() / 1000) + 3600
    const settings = readKeyInput({ name: 'k', type: 'private', spend_limit: 19.99, expires_at: future, rpm: 5 })
    expect(settings.spendLimitMicros).toBe(19_990_000)
    expect(settings.expiresAt).toEqual(new Date(future * 1000))
    expect(readKeyInput({ name: 'k', type: 'private', expires_at: '2099-12-31T00:00:00Z' }).expiresAt).toEqual(new Date('2099-12-31T00:00:00Z'))
    expect(readKeyInput({ name: 'k', type: 'private', expires_at: String(future) }).expiresAt).toEqual(new Date(future * 1000))
  })

  test('a grantor can grant only scopes and models it holds', () => {
    const grantor = { keyId: 'key_1', accountId: 'acct_1', scopes: ['inference', 'keys:write'], models: ['openai/*', 'mock/echo'] }
    expect(readKeyInput({ name: 'k', type: 'private', scopes: ['inference'], models: ['openai/gpt-4o', 'openai/*'] }, grantor).models).toEqual(['openai/gpt-4o', 'openai/*'])
    expect(refusal(() => readKeyInput({ name: 'k', type: 'private', scopes: ['usage:read'], models: ['mock/echo'] }, grantor))).toEqual({ status: 403, param: 'scopes', code: 'scope_not_grantable' })
    expect(refusal(() => readKeyInput({ name: 'k', type: 'private', scopes: ['inference'], models: ['mock/*'] }, grantor))).toEqual({ status: 403, param: 'models', code: 'model_not_grantable' })
    const admin = { keyId: 'key_2', scopes: ['admin'] }
    expect(readKeyInput({ name: 'k', type: 'private', scopes: ['admin', 'keys:write'] }, admin).scopes).toEqual(['admin', 'keys:write'])
  })
})
