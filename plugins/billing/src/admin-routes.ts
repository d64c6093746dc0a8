import { ListSchema, PageQuerySchema, readPageQuery, toListResponse, type PluginRoute, type RequestContext } from '@tollgate/core'
import type { BillingRuntime } from './billing-runtime'
import { readAmount, readBalance, readUsageQuery } from './billing-queries'
import { documented } from './documented'
import { adjustAccount, creditAccount, refundRequest, type Movement } from './move-funds'
import { renderLedgerEntry, renderUsageRecord } from './render-billing'
import { AdjustmentBody, AdminUsageQuerySchema, BalanceSchema, CreditBody, IdParams, LedgerEntrySchema, MovementSchema, RefundBody, UsageRecordSchema } from './schemas'

/** Who did it: the admin key's id, or `master`. */
const actor = (context: RequestContext | undefined) => context?.principal?.keyId ?? 'master'

/**
 * The operator's billing API (`/admin/*`: core requires the master key or the `admin` scope):
 * balances, top-ups, adjustments, refunds, the ledger and everyone's usage.
 */
export function adminRoutes(runtime: BillingRuntime): PluginRoute[] {
  const movement = async (accountId: string, move: Movement) => ({ entry: renderLedgerEntry(move.entry), balance: await readBalance(await runtime.store(), runtime.plans(), accountId) })
  return [
    {
      method: 'GET',
      path: '/admin/accounts/:id/balance',
      schema: { params: IdParams, detail: documented('Admin', "An account's balance, held and available money", BalanceSchema, [404]) },
      handler: async ({ params }) => readBalance(await runtime.store(), runtime.plans(), params.id),
    },
    {
      method: 'POST',
      path: '/admin/accounts/:id/credits',
      schema: {
        params: IdParams,
        body: CreditBody,
        detail: documented('Admin', 'Top up an account (send an Idempotency-Key header to make retries safe); returns the ledger entry and the new balance', MovementSchema, [400, 404]),
      },
      handler: async ({ params, body, request, context }) => {
        const { amount, note } = body as { amount: number; note?: string }
        const idempotencyKey = request.headers.get('idempotency-key') ?? undefined
        const moved = await creditAccount(await runtime.store(), { accountId: params.id, amountMicros: readAmount(amount), note, createdBy: actor(context), idempotencyKey })
        return movement(params.id, moved)
      },
    },
    {
      method: 'POST',
      path: '/admin/accounts/:id/adjustments',
      schema: { params: IdParams, body: AdjustmentBody, detail: documented('Admin', 'Correct a balance either way (a debit never takes what requests in flight hold)', MovementSchema, [400, 404]) },
      handler: async ({ params, body, context }) => {
        const { amount, note } = body as { amount: number; note: string }
        return movement(params.id, await adjustAccount(await runtime.store(), { accountId: params.id, amountMicros: readAmount(amount), note, createdBy: actor(context) }))
      },
    },
    {
      method: 'POST',
      path: '/admin/accounts/:id/refunds',
      schema: { params: IdParams, body: RefundBody, detail: documented('Admin', 'Refund what a request was charged (all or part of it, once)', MovementSchema, [400, 404, 409]) },
      handler: async ({ params, body, context }) => {
        const input = body as { request_id: string; amount?: number; note?: string }
        const amountMicros = input.amount === undefined ? undefined : readAmount(input.amount)
        return movement(params.id, await refundRequest(await runtime.store(), { accountId: params.id, requestId: input.request_id, amountMicros, note: input.note, createdBy: actor(context) }))
      },
    },
    {
      method: 'GET',
      path: '/admin/accounts/:id/ledger',
      schema: { params: IdParams, query: PageQuerySchema, detail: documented('Admin', "An account's ledger, newest first", ListSchema(LedgerEntrySchema, 'A page of ledger entries'), [400, 404]) },
      handler: async ({ params, query }) => {
        const store = await runtime.store()
        await readBalance(store, runtime.plans(), params.id)
        return toListResponse(await store.ledger.list(params.id, readPageQuery(query)), renderLedgerEntry)
      },
    },
    {
      method: 'GET',
      path: '/admin/usage',
      schema: { query: AdminUsageQuerySchema, detail: documented('Admin', 'Usage records of every account, newest first (filters: account_id, key_id, model, from, to)', ListSchema(UsageRecordSchema, 'A page of usage records'), [400]) },
      handler: async ({ query }) => {
        const { filter, page } = readUsageQuery(query)
        return toListResponse(await (await runtime.store()).usageRecords.list({ ...filter, accountId: query.account_id || undefined }, page), renderUsageRecord)
      },
    },
  ]
}
