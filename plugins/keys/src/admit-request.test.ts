import { describe, expect, test } from 'bun:test'
import { createModelCatalog, createProvider, GatewayError, type Principal, type RequestContext } from '@tollgate/core'
import { mock } from '@tollgate/provider-mock'
import { admitRequest } from './admit-request'

const catalog = createModelCatalog([createProvider(mock(), {})], { smart: 'mock/echo' })
const admit = (principal: Principal, model: string) => {
  try {
    admitRequest({ principal, model } as RequestContext, catalog)
    return 'admitted'
  } catch (error) {
    return (error as GatewayError).code
  }
}

describe('admitRequest', () => {
  test('inference needs the inference scope (admin and * hold it)', () => {
    expect(admit({ keyId: 'k', scopes: ['inference'] }, 'mock/echo')).toBe('admitted')
    expect(admit({ keyId: 'k', scopes: ['admin'] }, 'mock/echo')).toBe('admitted')
    expect(admit({ keyId: 'master', scopes: ['*'] }, 'mock/echo')).toBe('admitted')
    expect(admit({ keyId: 'k', scopes: ['models:read'] }, 'mock/echo')).toBe('insufficient_scope')
  })

  test('the allowlist matches the name asked for, the resolved provider/model, or the bare id', () => {
    const key = (models: string[]) => ({ keyId: 'k', scopes: ['inference'], models })
    expect(admit(key(['smart']), 'smart')).toBe('admitted')
    expect(admit(key(['mock/*']), 'smart')).toBe('admitted')
    expect(admit(key(['echo']), 'mock/echo')).toBe('admitted')
    expect(admit(key(['mock/tools']), 'smart')).toBe('model_not_allowed')
    expect(admit(key([]), 'mock/echo')).toBe('model_not_allowed')
    expect(admit(key(['gpt-*']), 'gpt-unknown-to-the-catalogue')).toBe('admitted')
  })
})
