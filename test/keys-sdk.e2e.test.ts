import Anthropic from '@anthropic-ai/sdk'
import { afterAll, describe, expect, test } from 'bun:test'
import OpenAI from 'openai'
import { BASE_URL, createKeysGateway } from './helpers/create-keys-gateway'
import { dropTestDatabases, testDatabases } from './helpers/test-databases'

const databases = await testDatabases()
afterAll(dropTestDatabases)

for (const database of databases) {
  describe(`official SDKs with minted keys on ${database.dialect}`, () => {
    test('openai SDK: JSON and stream with a minted key; revoked → AuthenticationError; outside the allowlist → PermissionDeniedError', async () => {
      const gateway = await createKeysGateway(database)
      const account = await gateway.createAccount()
      const minted = await gateway.createKey(account.id, { models: ['mock/*'] })
      const openai = new OpenAI({ apiKey: minted.key, baseURL: `${BASE_URL}/v1`, fetch: gateway.fetch, maxRetries: 0 })

      const completion = await openai.chat.completions.create({ model: 'mock/echo', messages: [{ role: 'user', content: 'minted key works' }] })
      expect(completion.choices[0].message.content).toBe('minted key works')
      let streamed = ''
      for await (const chunk of await openai.chat.completions.create({ model: 'mock/echo', stream: true, messages: [{ role: 'user', content: 'and streams' }] })) {
        streamed += chunk.choices[0]?.delta?.content ?? ''
      }
      expect(streamed).toBe('and streams')

      const outside = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] }).catch((error: unknown) => error)
      expect(outside).toBeInstanceOf(OpenAI.PermissionDeniedError)

      await gateway.admin('DELETE', `/admin/keys/${minted.id}`)
      const revoked = await openai.chat.completions.create({ model: 'mock/echo', messages: [{ role: 'user', content: 'x' }] }).catch((error: unknown) => error)
      expect(revoked).toBeInstanceOf(OpenAI.AuthenticationError)
      expect(revoked).toMatchObject({ status: 401, code: 'invalid_api_key' })
      await gateway.stop()
    })

    test('@anthropic-ai/sdk: Bearer (1.x) and x-api-key (0.x) with a minted key; revoked → AuthenticationError', async () => {
      const gateway = await createKeysGateway(database)
      const minted = await gateway.createKey((await gateway.createAccount()).id)
      const bearer = new Anthropic({ apiKey: minted.key, baseURL: BASE_URL, fetch: gateway.fetch, maxRetries: 0 })
      const xApiKey = new Anthropic({ apiKey: null, authToken: null, defaultHeaders: { 'x-api-key': minted.key }, baseURL: BASE_URL, fetch: gateway.fetch, maxRetries: 0 })

      const message = await bearer.messages.create({ model: 'mock/echo', max_tokens: 64, messages: [{ role: 'user', content: 'anthropic with a key' }] })
      expect(message.content.map((block) => (block.type === 'text' ? block.text : '')).join('')).toBe('anthropic with a key')
      const streamed = await xApiKey.messages.stream({ model: 'mock/echo', max_tokens: 64, messages: [{ role: 'user', content: 'streamed' }] }).finalMessage()
      expect(streamed.content.map((block) => (block.type === 'text' ? block.text : '')).join('')).toBe('streamed')

      await gateway.admin('DELETE', `/admin/keys/${minted.id}`)
      const revoked = await bearer.messages.create({ model: 'mock/echo', max_tokens: 64, messages: [{ role: 'user', content: 'x' }] }).catch((error: unknown) => error)
      expect(revoked).toBeInstanceOf(Anthropic.AuthenticationError)
      await gateway.stop()
    })
  })
}
