import { GatewayError, hasScope, ListSchema, toListResponse, Type, type PluginRoute, type RequestContext } from '@tollgate/core'
import type { BillingRuntime } from './billing-runtime'
import { readBalance, readUsageQuery } from './billing-queries'
import { documented } from './documented'
import { renderPrice, renderUsageRecord } from './render-billing'
import { BalanceSchema, PriceSchema, UsageQuerySchema, UsageRecordSchema } from './schemas'

/** The caller, when it holds `scope` and belongs to an account. */
function caller(context: RequestContext | undefined, scope: string) {
  const principal = context?.principal
  if (!principal || !hasScope(principal, scope)) throw new GatewayError({ status: 403, code: 'insufficient_scope', message: `This key lacks the scope ${scope}` })
  if (!principal.accountId) throw new GatewayError({ status: 400, code: 'no_account', message: 'This credential belongs to no account: see /admin/accounts/{id}/balance and /admin/usage' })
  return { ...principal, accountId: principal.accountId }
}

/** What a key sees of its own account: `/v1/balance`, `/v1/usage`, and the prices. */
export function billingRoutes(runtime: BillingRuntime): PluginRoute[] {
  return [
    {
      method: 'GET',
      path: '/v1/balance',
      schema: { detail: documented('Billing', "Your account's balance, money held by requests in flight, what is available, and your key's spend", BalanceSchema, [400]) },
      handler: async ({ context }) => {
        const principal = caller(context, 'billing:read')
        return readBalance(await runtime.store(), runtime.plans(), principal.accountId, principal)
      },
    },
    {
      method: 'GET',
      path: '/v1/usage',
      schema: { query: UsageQuerySchema, detail: documented('Billing', "Your account's usage records, newest first (filters: key_id, model, from, to)", ListSchema(UsageRecordSchema, 'A page of usage records'), [400]) },
      handler: async ({ query, context }) => {
        const principal = caller(context, 'usage:read')
        const { filter, page } = readUsageQuery(query)
        return toListResponse(await (await runtime.store()).usageRecords.list({ ...filter, accountId: principal.accountId }, page), renderUsageRecord)
      },
    },
    {
      method: 'GET',
      path: '/v1/usage/:id',
      schema: { params: Type.Object({ id: Type.String({ description: 'A request id (x-request-id)' }) }), detail: documented('Billing', 'One usage record of your account', UsageRecordSchema, [404]) },
      handler: async ({ params, context }) => {
        const principal = caller(context, 'usage:read')
        const record = await (await runtime.store()).usageRecords.get(params.id, principal.accountId)
        if (!record) throw new GatewayError({ status: 404, code: 'usage_not_found', message: `No usage record '${params.id}' (records are written within a second or so of the request's end)` })
        return renderUsageRecord(record)
      },
    },
    {
      method: 'GET',
      path: '/v1/prices',
      schema: { detail: documented('Billing', 'The prices in effect, per model (USD per million tokens, and per request)', ListSchema(PriceSchema, 'Every priced model'), []) },
      handler: ({ context }) => {
        if (!context?.principal || !hasScope(context.principal, 'models:read')) throw new GatewayError({ status: 403, code: 'insufficient_scope', message: 'This key lacks the scope models:read' })
        const now = Date.now()
        const data = runtime
          .prices()
          .entries()
          .map(({ model }) => runtime.prices().lookup(model, now))
          .filter((version) => version !== undefined)
          .map(renderPrice)
        return { object: 'list', data, has_more: false, first_id: null, last_id: null }
      },
    },
  ]
}
