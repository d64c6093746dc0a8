import { runProviderContract } from '@tollgate/core/testing'
import { fixtureNames, readFixture, readJsonFixture } from '../test-support/read-fixture'
import { anthropic } from './anthropic-provider'

const errorFiles: Record<string, number> = {
  'error-400-invalid-request.response.json': 400,
  'error-401-authentication.json': 401,
  'error-404-model-not-found.response.json': 404,
  'error-429-rate-limit.json': 429,
  'error-529-overloaded.json': 529,
}
const responseNames = fixtureNames('*.response.json').filter((name) => !name.startsWith('error-'))

/** The shared provider contract, on every recorded Anthropic stream and response of this package. */
runProviderContract(anthropic, {
  modelId: 'claude-haiku-4-5',
  streams: Object.fromEntries(await Promise.all(fixtureNames('stream-*.sse').map(async (name) => [name, await readFixture(name)]))),
  responses: Object.fromEntries(await Promise.all(responseNames.map(async (name) => [name, await readJsonFixture(name)]))),
  errors: Object.fromEntries(await Promise.all(Object.entries(errorFiles).map(async ([name, status]) => [name, { status, body: await readJsonFixture(name) }]))),
})
