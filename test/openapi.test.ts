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
    const modelMethods = ['generateContent', 'streamGenerateContent', 'countTokens', 'embedContent', 'batchEmbedContents']
    const posts = [
      '/v1/chat/completions',
      '/v1/messages',
      '/v1/responses',
      '/v1/completions',
      '/v1/embeddings',
      '/v1/messages/count_tokens',
      ...['/v1beta', '/v1'].flatMap((prefix) => modelMethods.map((method) => `${prefix}/models/{model}:${method}`)),
    ]
    for (const path of posts) {
      const operation = document.paths[path]?.post
      expect({ path, documented: Boolean(operation?.summary && operation.tags?.length && operation.security?.length) }).toEqual({ path, documented: true })
      expect(operation.requestBody.content['application/json'].schema).toBeDefined()
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '404', '429', '502']))
    }
    // Each Gemini method documents its own body: an embedding request is not a GenerateContentRequest.
    expect(document.paths['/v1beta/models/{model}:embedContent'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('content')
    expect(document.paths['/v1beta/models/{model}:countTokens'].post.responses['200'].content['application/json'].schema.properties).toHaveProperty('totalTokens')
    for (const path of ['/v1/models', '/v1/models/{model}', '/v1beta/models', '/v1beta/models/{model}']) {
      const operation = document.paths[path]?.get
      expect({ path, documented: Boolean(operation?.summary && operation.tags?.includes('Models') && operation.security?.length) }).toEqual({ path, documented: true })
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403']))
    }
    expect(document.paths['/v1/models'].get.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(expect.arrayContaining(['provider', 'type', 'limit', 'after', 'before']))
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
