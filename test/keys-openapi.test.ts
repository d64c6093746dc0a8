import SwaggerParser from '@apidevtools/swagger-parser'
import { afterAll, expect, test } from 'bun:test'
import { BASE_URL, createKeysGateway } from './helpers/create-keys-gateway'
import { dropTestDatabases, testDatabases } from './helpers/test-databases'

const [database] = await testDatabases()
afterAll(dropTestDatabases)

test('every accounts/keys route is in the OpenAPI document, with its schemas and responses, and the document validates', async () => {
  const gateway = await createKeysGateway(database)
  const document = await (await gateway.app.handle(new Request(`${BASE_URL}/openapi/json`))).json()
  await SwaggerParser.validate(structuredClone(document))
  const operations = Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
  )
  const expected = [
    'POST /admin/accounts',
    'GET /admin/accounts',
    'GET /admin/accounts/{id}',
    'PATCH /admin/accounts/{id}',
    'POST /admin/accounts/{id}/keys',
    'GET /admin/keys',
    'GET /admin/keys/{id}',
    'DELETE /admin/keys/{id}',
    'POST /v1/keys',
    'GET /v1/keys',
    'DELETE /v1/keys/{id}',
  ]
  expect(operations).toEqual(expect.arrayContaining(expected))
  const createKey = document.paths['/admin/accounts/{id}/keys'].post
  expect(createKey.tags).toEqual(['Admin'])
  expect(Object.keys(createKey.requestBody.content['application/json'].schema.properties)).toEqual(
    expect.arrayContaining(['name', 'type', 'scopes', 'models', 'expires_at', 'rpm', 'tpm', 'max_concurrency', 'spend_limit', 'allowed_origins']),
  )
  expect(createKey.responses['200'].content['application/json'].schema.properties.key).toBeDefined()
  expect(Object.keys(createKey.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404']))
  const listKeys = document.paths['/admin/keys'].get
  expect(listKeys.parameters.map((parameter: any) => parameter.name)).toEqual(expect.arrayContaining(['limit', 'after', 'before', 'account_id']))
  expect(Object.keys(listKeys.responses['200'].content['application/json'].schema.properties)).toEqual(['object', 'data', 'has_more', 'first_id', 'last_id'])
  await gateway.stop()
})
