import SwaggerParser from '@apidevtools/swagger-parser'
import { afterAll, expect, test } from 'bun:test'
import { createBillingGateway } from './helpers/create-billing-gateway'
import { BASE_URL } from './helpers/create-test-gateway'
import { dropTestDatabases, testDatabases } from './helpers/test-databases'

const [database] = await testDatabases()
afterAll(dropTestDatabases)

test('every billing route is in the OpenAPI document, with its schemas and responses, and the document validates', async () => {
  const gateway = await createBillingGateway(database)
  const document = await (await gateway.app.handle(new Request(`${BASE_URL}/openapi/json`))).json()
  await SwaggerParser.validate(structuredClone(document))
  const operations = Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
  expect(operations).toEqual(
    expect.arrayContaining([
      'GET /v1/balance',
      'GET /v1/usage',
      'GET /v1/usage/{id}',
      'GET /v1/prices',
      'GET /admin/accounts/{id}/balance',
      'POST /admin/accounts/{id}/credits',
      'POST /admin/accounts/{id}/adjustments',
      'POST /admin/accounts/{id}/refunds',
      'GET /admin/accounts/{id}/ledger',
      'GET /admin/usage',
    ]),
  )
  const credits = document.paths['/admin/accounts/{id}/credits'].post
  expect(credits.tags).toEqual(['Admin'])
  expect(Object.keys(credits.requestBody.content['application/json'].schema.properties)).toEqual(['amount', 'note'])
  expect(Object.keys(credits.responses['200'].content['application/json'].schema.properties)).toEqual(['entry', 'balance'])
  expect(Object.keys(credits.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404']))
  const usage = document.paths['/v1/usage'].get
  expect(usage.tags).toEqual(['Billing'])
  expect(usage.parameters.map((parameter: any) => parameter.name)).toEqual(expect.arrayContaining(['limit', 'after', 'before', 'key_id', 'model', 'from', 'to']))
  expect(document.paths['/admin/usage'].get.parameters.map((parameter: any) => parameter.name)).toContain('account_id')
  expect(Object.keys(document.paths['/v1/balance'].get.responses['200'].content['application/json'].schema.properties)).toEqual(['object', 'account_id', 'balance', 'reserved', 'available', 'currency', 'plan', 'limits'])
  await gateway.stop()
})
