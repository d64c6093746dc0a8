import { expect, test } from 'bun:test'
import { openStore } from '@tollgate/core'
import { creditAccount } from './move-funds'
import { createReservationRenewer } from './reservation-renewer'
import { reserveFunds } from './reserve-funds'

test("the sweep releases holds nobody renews, never this instance's own; renewing keeps them", async () => {
  const store = await openStore({ sqlitePath: ':memory:' })
  const account = await store.accounts.create({ name: 'A' })
  await creditAccount(store, { accountId: account.id, amountMicros: 10_000_000, createdBy: 'test' })
  const hold = (requestId: string) => reserveFunds(store, { requestId, accountId: account.id, amountMicros: 1_000_000, thresholdMicros: 1_000_000, priceVersion: null })
  await hold('req_ours')
  await hold('req_dead')
  await Bun.sleep(5)
  const warnings: string[] = []
  const renewer = createReservationRenewer({ store: async () => store, intervalMs: 60_000, timeoutMs: 1, logger: { info() {}, warn: (message) => warnings.push(message) } })
  renewer.hold('req_ours')
  expect(await renewer.sweep()).toBe(1)
  expect(warnings).toEqual(['[tollgate] billing: released 1 reservation left by a stopped instance'])
  expect((await store.reservations.get('req_dead'))?.status).toBe('expired')
  expect((await store.reservations.get('req_ours'))?.status).toBe('held')
  expect(await store.balances.get(account.id)).toEqual({ balanceMicros: 10_000_000, reservedMicros: 1_000_000 })

  const before = (await store.reservations.get('req_ours'))!.updatedAt
  await Bun.sleep(5)
  await store.reservations.touch(['req_ours'])
  expect((await store.reservations.get('req_ours'))!.updatedAt.getTime()).toBeGreaterThan(before.getTime())
  renewer.release('req_ours')
  await Bun.sleep(5)
  expect(await renewer.sweep()).toBe(1)
  expect(await store.balances.get(account.id)).toEqual({ balanceMicros: 10_000_000, reservedMicros: 0 })
  expect(await store.ledger.totals(account.id)).toEqual({ amountMicros: 10_000_000, reservedMicros: 0, entries: 5 })
  await store.close()
})
