import SwaggerParser from '@apidevtools/swagger-parser'
import { describe, expect, test } from 'bun:test'
import { BASE_URL, createTestGateway } from './helpers/create-test-gateway'

describe('OpenAPI document', () => {
  test('is served at /openapi/json and validates with a real OpenAPI parser', async () => {
    const gateway = createTestGateway()
    const response = await gateway.app.handle(new Request(`${BASE_URL}/openapi/json`))
    expect(response.status).toBe(200)
    const document = await response.json()
    const validated = (await SwaggerParser.validate(structuredClone(document))) as any
    expect(validated.openapi).toMatch(/^3\./)
    for (const path of ['/v1/chat/completions', '/v1/messages', '/v1/responses', '/v1beta/models/{model}:generateContent', '/v1beta/models/{model}:streamGenerateContent']) {
      const operation = document.paths[path].post
      expect(operation.requestBody.content['application/json'].schema).toBeDefined()
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '404', '429', '502']))
    }
    expect(document.paths['/health'].get).toBeDefined()
    expect(Object.keys(document.paths).filter((path) => path.includes('*'))).toEqual([])
  })

  test('the browsable UI is served at /openapi', async () => {
    const gateway = createTestGateway()
    const response = await gateway.app.handle(new Request(`${BASE_URL}/openapi`))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/html')
  })
})
