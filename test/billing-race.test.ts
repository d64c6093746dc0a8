import { afterAll, describe, expect, test } from 'bun:test'
import { reserveFunds, settleReservation } from '@tollgate/billing'
import { microsToUsd } from '@tollgate/core'
import { createBillingGateway } from './helpers/create-billing-gateway'
import { readJsonFixture } from './helpers/create-test-gateway'
import { dropTestDatabases, testDatabases } from './helpers/test-databases'

const databases = await testDatabases()
afterAll(dropTestDatabases)

const CONCURRENT = 200

/** Sample `balance − reserved` until `done` settles; returns the lowest value seen (it must never be negative). */
async function watchAvailable(read: () => Promise<{ balanceMicros: number; reservedMicros: number } | undefined>, done: Promise<unknown>) {
  let lowest = Number.POSITIVE_INFINITY
  let finished = false
  void done.finally(() => (finished = true))
  while (!finished) {
    const figures = await read()
    if (figures) lowest = Math.min(lowest, figures.balanceMicros - figures.reservedMicros, figures.balanceMicros)
    await Bun.sleep(1)
  }
  return lowest
}

for (const database of databases) {
  describe(`billing race on ${database.dialect}: ${CONCURRENT} concurrent requests against a balance that covers about 10`, () => {
    test('a $1 request fee and a $10.50 balance: exactly 10 are served, 190 refused with 402, $0.50 left', async () => {
      const gateway = await createBillingGateway(database, { billing: { prices: { 'openai/gpt-4o': { input: 0, output: 0, request: 1 } } } })
      const { account, key } = await gateway.fundedKey(10.5)
      // The upstream holds its answers until every request has been admitted or refused: the 10 holds are all in flight at once.
      let release!: () => void
      const upstreamGate = new Promise<void>((resolve) => (release = resolve))
      const recorded = await readJsonFixture('openai-chat/response-text.response.json')
      gateway.openaiUpstream.reply(...Array.from({ length: CONCURRENT }, () => ({ json: recorded, release: upstreamGate })))
      const body = { model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'race' }] }
      const requests = Promise.all(Array.from({ length: CONCURRENT }, () => gateway.call(key.key, 'POST', '/v1/chat/completions', body)))
      const lowest = watchAvailable(async () => (await gateway.store()).balances.get(account.id), requests)
      while (gateway.openaiUpstream.requests.length + gateway.finishes.length < CONCURRENT) await Bun.sleep(5)
      const inFlight = await (await gateway.store()).balances.get(account.id)
      release()
      const responses = await requests
      await gateway.waitForFinishes(CONCURRENT, 20_000)
      const served = responses.filter((response) => response.status === 200)
      const refused = responses.filter((response) => response.status === 402)
      const check = await gateway.ledgerCheck(account.id)
      console.info(
        `[race ${database.dialect}, $1 fee] sent ${CONCURRENT}; at the upstream at once ${gateway.openaiUpstream.requests.length} (held $${microsToUsd(inFlight!.reservedMicros)} of $${microsToUsd(inFlight!.balanceMicros)}); ` +
          `served ${served.length}; refused ${refused.length} (402); spent $${microsToUsd(10_500_000 - check.balanceMicros)}; ` +
          `balance $${microsToUsd(check.balanceMicros)}, reserved $${microsToUsd(check.reservedMicros)}; lowest available seen $${microsToUsd(await lowest)}`,
      )
      expect(inFlight).toEqual({ balanceMicros: 10_500_000, reservedMicros: 10_000_000 })
      expect(gateway.openaiUpstream.requests).toHaveLength(10)
      expect(served).toHaveLength(10)
      expect(refused).toHaveLength(CONCURRENT - 10)
      expect(refused[0].body.error).toMatchObject({ type: 'billing_error', code: 'insufficient_balance' })
      expect(await lowest).toBeGreaterThanOrEqual(0)
      expect(check).toEqual({ balanceMicros: 500_000, reservedMicros: 0, ledgerBalanceMicros: 500_000, ledgerReservedMicros: 0, entries: 1 + 10 * 2 })
      expect(served.every((response) => response.headers.get('x-tollgate-cost') === '1')).toBe(true)
      await gateway.stop()
    }, 60_000)

    test('token prices with max_tokens: every request holds its worst case, is charged its actual cost, and the money matches the requests served', async () => {
      // $0.001 per token. The worst case of each request (its estimated input + max_tokens 20) is far above its real
      // cost, so holds are released as requests settle and more than 10 can be served; the balance never goes negative.
      const gateway = await createBillingGateway(database, { billing: { prices: { 'mock/*': { input: 1000, output: 1000 } } } })
      const body = { model: 'mock/echo', max_tokens: 20, messages: [{ role: 'user', content: 'race' }] }
      const probe = await gateway.fundedKey(1)
      const single = await gateway.call(probe.key.key, 'POST', '/v1/chat/completions', body)
      const cost = Number(single.headers.get('x-tollgate-cost'))
      await gateway.waitForFinishes(1)
      const worstCase = (await (await gateway.store()).reservations.get(single.headers.get('x-request-id')!))!.amountMicros
      const startMicros = worstCase * 10
      const { account, key } = await gateway.fundedKey(microsToUsd(startMicros))
      const requests = Promise.all(Array.from({ length: CONCURRENT }, () => gateway.call(key.key, 'POST', '/v1/chat/completions', body)))
      const lowest = await watchAvailable(async () => (await gateway.store()).balances.get(account.id), requests)
      const responses = await requests
      await gateway.waitForFinishes(CONCURRENT + 1, 20_000)
      const served = responses.filter((response) => response.status === 200)
      const refused = responses.filter((response) => response.status === 402)
      const check = await gateway.ledgerCheck(account.id)
      const spent = startMicros - check.balanceMicros
      console.info(
        `[race ${database.dialect}, tokens] balance $${microsToUsd(startMicros)} = 10 worst cases of $${microsToUsd(worstCase)}; each request costs $${cost}; ` +
          `sent ${CONCURRENT}; served ${served.length}; refused ${refused.length} (402); spent $${microsToUsd(spent)} = ${served.length} × $${cost}; ` +
          `balance $${microsToUsd(check.balanceMicros)}, reserved $${microsToUsd(check.reservedMicros)}; lowest available seen $${microsToUsd(lowest)}`,
      )
      expect(served.length).toBeGreaterThanOrEqual(10)
      expect(served.length + refused.length).toBe(CONCURRENT)
      expect(spent).toBe(served.length * Math.round(cost * 1_000_000))
      expect(lowest).toBeGreaterThanOrEqual(0)
      expect(check.balanceMicros).toBeGreaterThanOrEqual(0)
      expect(check).toMatchObject({ reservedMicros: 0, ledgerBalanceMicros: check.balanceMicros, ledgerReservedMicros: 0 })
      await gateway.stop()
    }, 60_000)

    test('the store alone: 200 concurrent holds of $1 against $10.50 → exactly 10 held, and settling them twice charges once', async () => {
      const gateway = await createBillingGateway(database)
      const { account, key } = await gateway.fundedKey(10.5)
      const store = await gateway.store()
      const results = await Promise.all(
        Array.from({ length: CONCURRENT }, (_, index) =>
          reserveFunds(store, { requestId: `req_race_${index}`, accountId: account.id, keyId: key.id, amountMicros: 1_000_000, thresholdMicros: 1_000_000, priceVersion: null }),
        ),
      )
      const held = results.filter((result) => result.reserved)
      console.info(`[race ${database.dialect}, store] ${CONCURRENT} concurrent holds of $1 against $10.50: ${held.length} held, ${CONCURRENT - held.length} refused`)
      expect(held).toHaveLength(10)
      expect(await store.balances.get(account.id)).toEqual({ balanceMicros: 10_500_000, reservedMicros: 10_000_000 })
      const ids = held.map((result) => (result.reserved ? result.reservation.id : ''))
      const settles = await Promise.all([...ids, ...ids].map((requestId) => settleReservation(store, { requestId, costMicros: 400_000, priceVersion: null })))
      expect(settles.filter((settle) => settle.settled)).toHaveLength(10)
      expect(await store.balances.get(account.id)).toEqual({ balanceMicros: 6_500_000, reservedMicros: 0 })
      expect(await store.keySpend.get(key.id)).toMatchObject({ spentMicros: 4_000_000, reservedMicros: 0 })
      expect(await gateway.ledgerCheck(account.id)).toMatchObject({ ledgerBalanceMicros: 6_500_000, ledgerReservedMicros: 0, entries: 21 })
      await gateway.stop()
    }, 60_000)
  })
}
