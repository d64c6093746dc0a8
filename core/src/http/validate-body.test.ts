import { expect, test } from 'bun:test'
import { Type } from '@sinclair/typebox'
import { GatewayError } from '../errors/gateway-error'
import { validateBody } from './validate-body'

const schema = Type.Object({ requests: Type.Array(Type.Object({ content: Type.Object({ parts: Type.Array(Type.Object({ text: Type.String() })) }) }), { minItems: 1 }) }, { additionalProperties: true })

test('a valid body passes; the first problem is a 400 naming the param like the router does', () => {
  expect(() => validateBody(schema, { requests: [{ content: { parts: [{ text: 'a' }] } }], extra: true })).not.toThrow()
  try {
    validateBody(schema, { requests: [{ content: { parts: [{ text: 1 }] } }] })
    throw new Error('expected a 400')
  } catch (error) {
    expect(error instanceof GatewayError && [error.status, error.param, error.message]).toEqual([400, 'requests[0].content.parts[0].text', "Invalid value for 'requests[0].content.parts[0].text': Expected string"])
  }
  expect(() => validateBody(schema, { requests: [] })).toThrow("Invalid value for 'requests'")
})
