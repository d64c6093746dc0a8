import { afterAll, describe, expect, test } from 'bun:test'
import { reserveFunds, settleReservation } from '@tollgate/billing'
import { routing } from '@tollgate/routing'
import { openStore } from '@tollgate/core'
import { createBillingGateway } from './helpers/create-billing-gateway'
import { BASE_URL, readJsonFixture } from './helpers/create-test-gateway'
import { dropTestDatabases, testDatabases } from './helpers/test-databases'

const databases = await testDatabases()
afterAll(dropTestDatabases)

const chat = (content: string, extra: Record<string, unknown> = {}) => ({ model: 'mock/echo', max_tokens: 50, messages: [{ role: 'user', content }], ...extra })
const ledgerTypes = async (gateway: Awaited<ReturnType<typeof createBillingGateway>>, accountId: string) =>
  (await gateway.admin('GET', `/admin/accounts/${accountId}/ledger?limit=100`)).body.data.map((entry: any) => entry.type).reverse()

for (const database of databases) {
  describe(`billing lifecycle on ${database.dialect}`, () => {
    test('success: the worst case is held, then the actual cost is charged and the rest released; the usage record says so', async () => {
      const gateway = await createBillingGateway(database)
      const { account, key } = await gateway.fundedKey(1)
      const response = await gateway.call(key.key, 'POST', '/v1/chat/completions', chat('hello there'))
      expect(response.status).toBe(200)
      const requestId = response.headers.get('x-request-id')!
      await gateway.waitForFinishes(1)
      const store = await gateway.store()
      const reservation = (await store.reservations.get(requestId))!
      // mock/*: $1 in, $2 out per million. Hold: estimated input × $2 (dearest input rate is $1... output is $2) — whatever it is, it is released.
      const record = (await gateway.usageRecord(requestId))!
      const costMicros = record.inputTokens * 1 + record.outputTokens * 2
      expect(record).toMatchObject({ accountId: account.id, keyId: key.id, dialect: 'openai-chat', model: 'mock/echo', servedModel: 'mock/echo', provider: 'mock', costMicros, chargedMicros: costMicros, status: 200, outcome: 'ok', streamed: false, estimated: false, attempts: 1 })
      expect(record.priceVersion).toMatch(/^mock\/\*@1970-01-01#[0-9a-f]{8}$/)
      expect(reservation).toMatchObject({ status: 'settled', chargedMicros: costMicros, keyId: key.id })
      expect(reservation.amountMicros).toBeGreaterThan(costMicros)
      expect(response.body.usage.cost).toBe(costMicros / 1e6)
      expect(response.headers.get('x-tollgate-cost')).toBe(String(costMicros / 1e6))
      expect(await ledgerTypes(gateway, account.id)).toEqual(['credit', 'reserve', 'settle'])
      expect(await gateway.ledgerCheck(account.id)).toMatchObject({ balanceMicros: 1_000_000 - costMicros, reservedMicros: 0, ledgerBalanceMicros: 1_000_000 - costMicros, ledgerReservedMicros: 0 })
      expect(await store.keySpend.get(key.id)).toMatchObject({ spentMicros: costMicros, reservedMicros: 0 })
      await gateway.stop()
    })

    test('upstream error: the hold is released, nothing is charged', async () => {
      const gateway = await createBillingGateway(database)
      const { account, key } = await gateway.fundedKey(1)
      const response = await gateway.call(key.key, 'POST', '/v1/chat/completions', chat('fail [[error:500]]'))
      expect(response.status).toBeGreaterThanOrEqual(500)
      await gateway.waitForFinishes(1)
      expect(await ledgerTypes(gateway, account.id)).toEqual(['credit', 'reserve', 'release'])
      expect(await gateway.ledgerCheck(account.id)).toMatchObject({ balanceMicros: 1_000_000, reservedMicros: 0, ledgerBalanceMicros: 1_000_000 })
      const record = (await gateway.usageRecord(response.headers.get('x-request-id')!))!
      expect(record).toMatchObject({ outcome: 'error', costMicros: 0, chargedMicros: 0 })
      expect(record.status).toBeGreaterThanOrEqual(500)
      await gateway.stop()
    })

    test('client abort mid-stream: what was generated is billed (estimated), once', async () => {
      const gateway = await createBillingGateway(database)
      const { account, key } = await gateway.fundedKey(1)
      const controller = new AbortController()
      const response = await gateway.app.handle(
        new Request(`${BASE_URL}/v1/chat/completions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/json' },
          body: JSON.stringify(chat('a long answer that streams slowly, word by word [[delay:40]]', { stream: true })),
          signal: controller.signal,
        }),
      )
      const reader = response.body!.getReader()
      let received = ''
      while (!/"content":"[^"]/.test(received)) received += new TextDecoder().decode((await reader.read()).value)
      controller.abort()
      await reader.cancel()
      const [finish] = await gateway.waitForFinishes(1)
      expect(finish.info.outcome).toBe('cancelled')
      const record = (await gateway.usageRecord(response.headers.get('x-request-id')!))!
      expect(record).toMatchObject({ outcome: 'cancelled', estimated: true, streamed: true })
      expect(record.outputTokens).toBeGreaterThan(0)
      expect(record.chargedMicros).toBe(record.costMicros)
      expect(record.costMicros).toBeGreaterThan(0)
      expect(await ledgerTypes(gateway, account.id)).toEqual(['credit', 'reserve', 'settle'])
      expect(await gateway.ledgerCheck(account.id)).toMatchObject({ balanceMicros: 1_000_000 - record.costMicros, reservedMicros: 0, ledgerBalanceMicros: 1_000_000 - record.costMicros })
      await gateway.stop()
    })

    test('restart with a reservation in flight: the new instance releases it; the request, still alive, is then charged exactly once', async () => {
      const storeOptions = database.fresh()
      const first = await createBillingGateway(database, { storeOptions, billing: { prices: { 'openai/gpt-4o': { input: 0, output: 0, request: 0.25 } } } })
      const { account, key } = await first.fundedKey(1)
      let release!: () => void
      first.openaiUpstream.reply({ json: await readJsonFixture('openai-chat/response-text.response.json'), release: new Promise<void>((resolve) => (release = resolve)) })
      const pending = first.call(key.key, 'POST', '/v1/chat/completions', { model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hi' }] })
      while (first.openaiUpstream.requests.length === 0) await Bun.sleep(5)
      expect(await first.balance(account.id)).toMatchObject({ balance: 1, reserved: 0.25, available: 0.75 })

      // A second instance starts on the same database and sweeps holds nobody renewed (here: at once).
      const second = await createBillingGateway(database, { storeOptions, billing: { reservationTimeoutMs: 0 } })
      expect(await second.balance(account.id)).toMatchObject({ balance: 1, reserved: 0, available: 1 })
      const requestId = (await (await second.store()).reservations.listStale(new Date(Date.now() + 1000), 10)).length
      expect(requestId).toBe(0)

      release()
      const response = await pending
      expect(response.status).toBe(200)
      await first.waitForFinishes(1)
      const id = response.headers.get('x-request-id')!
      expect(await (await first.store()).reservations.get(id)).toMatchObject({ status: 'settled', chargedMicros: 250_000 })
      expect(await settleReservation(await second.store(), { requestId: id, costMicros: 250_000, priceVersion: null })).toEqual({ chargedMicros: 0, settled: false })
      expect(await ledgerTypes(second, account.id)).toEqual(['credit', 'reserve', 'release', 'settle'])
      expect(await second.ledgerCheck(account.id)).toMatchObject({ balanceMicros: 750_000, reservedMicros: 0, ledgerBalanceMicros: 750_000, ledgerReservedMicros: 0 })
      await first.stop()
      await second.stop()
    })

    test('graceful stop: requests in flight settle before it returns, and every usage record is written', async () => {
      const storeOptions = database.fresh()
      const gateway = await createBillingGateway(database, { storeOptions, billing: { usage: { flushMs: 60_000 }, drainTimeoutMs: 5000, prices: { 'openai/gpt-4o': { input: 0, output: 0, request: 0.1 } } } })
      const { account, key } = await gateway.fundedKey(1)
      const ids: string[] = []
      for (let index = 0; index < 3; index++) ids.push((await gateway.call(key.key, 'POST', '/v1/chat/completions', chat(`request ${index}`))).headers.get('x-request-id')!)
      gateway.openaiUpstream.reply({ json: await readJsonFixture('openai-chat/response-text.response.json'), release: Bun.sleep(100) })
      const inFlight = gateway.call(key.key, 'POST', '/v1/chat/completions', { model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'slow' }] })
      while (gateway.openaiUpstream.requests.length === 0) await Bun.sleep(5)
      expect(await (await gateway.store()).usageRecords.get(ids[0])).toBeUndefined()
      await gateway.stop()
      ids.push((await inFlight).headers.get('x-request-id')!)
      const store = await openStore(storeOptions)
      for (const id of ids) expect(await store.usageRecords.get(id)).toMatchObject({ id, accountId: account.id, outcome: 'ok' })
      expect(await store.reservations.get(ids[3])).toMatchObject({ status: 'settled', chargedMicros: 100_000 })
      expect(await store.balances.get(account.id)).toMatchObject({ reservedMicros: 0 })
      await store.close()
    })

    for (const order of ['billing, routing', 'routing, billing'] as const) {
      test(`idempotency: a request reserves once however often its upstream call is retried (plugins: ${order})`, async () => {
        const retrying = routing({ retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 1 } })
        const gateway = await createBillingGateway(database, { config: { plugins: [retrying] }, billingLast: order === 'routing, billing' })
        const { account, key } = await gateway.fundedKey(1)
        const response = await gateway.call(key.key, 'POST', '/v1/chat/completions', chat('busy [[error:503]]'))
        expect(response.status).toBe(502)
        await gateway.waitForFinishes(1)
        expect(gateway.finishes[0].context.attempts).toBe(3)
        expect(await ledgerTypes(gateway, account.id)).toEqual(['credit', 'reserve', 'release'])
        expect(await gateway.ledgerCheck(account.id)).toMatchObject({ balanceMicros: 1_000_000, reservedMicros: 0 })
        await gateway.stop()
      })
    }

    test('idempotency: a top-up with an Idempotency-Key credits once; a second hold for the same request id is the first one', async () => {
      const gateway = await createBillingGateway(database)
      const account = await gateway.createAccount({ name: 'Idem' })
      const topUp = () => gateway.call('sk-tg-test-master-key', 'POST', `/admin/accounts/${account.id}/credits`, { amount: 5 }, { 'idempotency-key': 'invoice-42' })
      const [one, two] = await Promise.all([topUp(), topUp()])
      const statuses = [one.status, two.status].sort()
      expect(statuses[0]).toBe(200)
      const third = await topUp()
      expect(third.body.entry.id).toBe(one.status === 200 ? one.body.entry.id : two.body.entry.id)
      expect(await gateway.ledgerCheck(account.id)).toMatchObject({ balanceMicros: 5_000_000, ledgerBalanceMicros: 5_000_000, entries: 1 })
      const store = await gateway.store()
      const hold = { requestId: 'req_same', accountId: account.id, amountMicros: 2_000_000, thresholdMicros: 2_000_000, priceVersion: null }
      const [first, second] = await Promise.all([reserveFunds(store, hold), reserveFunds(store, hold)])
      expect(first.reserved && second.reserved && first.reservation.id === second.reservation.id).toBe(true)
      expect(await store.balances.get(account.id)).toEqual({ balanceMicros: 5_000_000, reservedMicros: 2_000_000 })
      await gateway.stop()
    })

    test('402 refusals: insufficient balance and the key spend limit, in the client dialect; unpriced models; the plan minimum', async () => {
      const gateway = await createBillingGateway(database, { billing: { prices: { 'mock/*': { input: 1000, output: 1000 } }, plans: { pro: [{ models: ['mock/reasoning'], minimumBalance: 5 }] } } })
      const poor = await gateway.fundedKey(0.01)
      const openai = await gateway.call(poor.key.key, 'POST', '/v1/chat/completions', chat('hi'))
      expect(openai.status).toBe(402)
      expect(openai.body.error).toMatchObject({ type: 'billing_error', code: 'insufficient_balance' })
      expect(openai.body.error.message).toContain('max_tokens')
      const anthropic = await gateway.call(poor.key.key, 'POST', '/v1/messages', { model: 'mock/echo', max_tokens: 50, messages: [{ role: 'user', content: 'hi' }] })
      expect(anthropic.status).toBe(402)
      expect(anthropic.body).toEqual({ type: 'error', error: { type: 'billing_error', message: expect.stringContaining('Insufficient balance') } })

      const capped = await gateway.fundedKey(10, { spend_limit: 0.01 })
      const limited = await gateway.call(capped.key.key, 'POST', '/v1/chat/completions', chat('hi'))
      expect([limited.status, limited.body.error.code]).toEqual([402, 'spend_limit_exceeded'])
      expect(await gateway.balance(capped.account.id)).toMatchObject({ balance: 10, reserved: 0 })

      const rich = await gateway.fundedKey(10)
      const unpriced = await gateway.call(rich.key.key, 'POST', '/v1/chat/completions', { model: 'openai/gpt-3.5-turbo-instruct-0914', messages: [{ role: 'user', content: 'hi' }] })
      expect([unpriced.status, unpriced.body.error.code, unpriced.body.error.param]).toEqual([402, 'model_not_priced', 'model'])

      const pro = await gateway.fundedKey(4.9, {}, { name: 'Pro', plan: 'pro' })
      const belowMinimum = await gateway.call(pro.key.key, 'POST', '/v1/chat/completions', { ...chat('think'), model: 'mock/reasoning' })
      expect([belowMinimum.status, belowMinimum.body.error.code]).toEqual([402, 'insufficient_balance'])
      expect(belowMinimum.body.error.message).toContain('minimum balance of $5.00')
      expect((await gateway.call(pro.key.key, 'POST', '/v1/chat/completions', chat('echo is not under the rule'))).status).toBe(200)
      await gateway.waitForFinishes(6)
      for (const refused of [openai, limited, unpriced, belowMinimum]) {
        expect(await gateway.usageRecord(refused.headers.get('x-request-id')!)).toMatchObject({ status: 402, outcome: 'error', chargedMicros: 0, errorCode: refused.body.error.code })
      }
      await gateway.stop()
    })

    test("unpricedModels: 'free' serves unpriced models at cost 0; the master key is priced but never billed", async () => {
      const gateway = await createBillingGateway(database, { billing: { defaultPrices: false, prices: {}, unpricedModels: 'free' } })
      const { account, key } = await gateway.fundedKey(0)
      const free = await gateway.call(key.key, 'POST', '/v1/chat/completions', chat('hi'))
      expect([free.status, free.headers.get('x-tollgate-cost'), free.body.usage.cost]).toEqual([200, '0', 0])
      expect(await gateway.ledgerCheck(account.id)).toMatchObject({ balanceMicros: 0, entries: 0 })
      await gateway.stop()

      const priced = await createBillingGateway(database)
      const master = await priced.call('sk-tg-test-master-key', 'POST', '/v1/chat/completions', chat('hi'))
      expect(master.status).toBe(200)
      expect(Number(master.headers.get('x-tollgate-cost'))).toBeGreaterThan(0)
      expect(await priced.usageRecord(master.headers.get('x-request-id')!)).toMatchObject({ accountId: null, keyId: 'master', chargedMicros: 0 })
      await priced.stop()
    })
  })
}
