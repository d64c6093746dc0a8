import { afterAll, describe, expect, test } from 'bun:test'
import { createKeysGateway } from './helpers/create-keys-gateway'
import { externalService } from './helpers/external-services'
import { dropTestDatabases, testDatabases } from './helpers/test-databases'

const databases = await testDatabases()
const redisURL = await externalService('REDIS_URL')
afterAll(dropTestDatabases)

/** Ask until the answer has the status (bounded: the message crosses Redis asynchronously). */
async function statusSoon(ask: () => Promise<{ status: number }>, status: number, attempts = 100) {
  let last = 0
  for (let attempt = 0; attempt < attempts; attempt++) {
    last = (await ask()).status
    if (last === status) return last
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return last
}

for (const database of databases) {
  describe.skipIf(!redisURL)(`two instances sharing ${database.dialect} and Redis`, () => {
    test('a revocation on one instance reaches the other one’s cache', async () => {
      const first = await createKeysGateway(database, { config: { redisURL } })
      const second = await createKeysGateway(database, { config: { redisURL }, storeOptions: first.storeOptions })
      const account = await first.createAccount()
      const key = await first.createKey(account.id)
      // Both instances have the key cached (with a long TTL: only the invalidation can drop it).
      expect((await first.chat(key.key)).status).toBe(200)
      expect((await second.chat(key.key)).status).toBe(200)

      expect((await first.admin('DELETE', `/admin/keys/${key.id}`)).status).toBe(200)
      expect((await first.chat(key.key)).status).toBe(401)
      expect(await statusSoon(() => second.chat(key.key), 401)).toBe(401)

      const other = await first.createKey(account.id)
      expect((await second.chat(other.key)).status).toBe(200)
      await first.admin('PATCH', `/admin/accounts/${account.id}`, { status: 'suspended' })
      expect(await statusSoon(() => second.chat(other.key), 403)).toBe(403)
      await first.stop()
      await second.stop()
    })
  })
}
