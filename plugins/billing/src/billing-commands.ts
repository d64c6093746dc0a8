import { formatTable, GatewayError, microsToUsd, type CommandInput, type PluginCommand } from '@tollgate/core'
import type { BalanceRule } from './billing-options'
import { readAmount, readBalance, readUsageQuery } from './billing-queries'
import { adjustAccount, creditAccount, refundRequest, type Movement } from './move-funds'
import { renderLedgerEntry, renderUsageRecord } from './render-billing'

const string = (input: CommandInput, name: string) => input.options[name] as string | undefined
const number = (input: CommandInput, name: string) => input.options[name] as number | undefined
const time = (seconds: number) => new Date(seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z')
const dollars = (usd: number) => usd.toFixed(6)

const pageOptions = {
  limit: { type: 'number', describe: 'How many (1-100, default 20)' },
  after: { type: 'string', describe: 'Continue after this id (the last one shown)' },
} as const

function describeBalance(balance: Awaited<ReturnType<typeof readBalance>>) {
  return `Account ${balance.account_id} (plan ${balance.plan}): balance $${dollars(balance.balance)}, reserved $${dollars(balance.reserved)}, available $${dollars(balance.available)}`
}

/** `bun run tollgate billing …` and `usage list`: the same operations as the admin API, on the same store. */
export function billingCommands(plans: () => Record<string, BalanceRule[]>): PluginCommand[] {
  const moved = async (store: Parameters<typeof readBalance>[0], accountId: string, movement: Movement, verb: string) => {
    const balance = await readBalance(store, plans(), accountId)
    const entry = renderLedgerEntry(movement.entry)
    const replayed = movement.replayed ? ' (already applied with this idempotency key: nothing changed)' : ''
    return { json: { entry, balance }, text: `${verb} $${dollars(Math.abs(entry.amount))} (${entry.id})${replayed}\n${describeBalance(balance)}` }
  }
  return [
    {
      name: 'billing topup',
      describe: 'Add prepaid credit to an account',
      options: {
        account: { type: 'string', describe: 'Account id', required: true },
        amount: { type: 'number', describe: 'USD to add', required: true },
        note: { type: 'string', describe: 'Why (kept in the ledger)' },
        'idempotency-key': { type: 'string', describe: 'Repeating a top-up with the same key applies it once' },
      },
      async run(input, services) {
        const store = await services.store()
        const accountId = string(input, 'account')!
        const amountMicros = readAmount(number(input, 'amount')!)
        if (amountMicros <= 0) throw new GatewayError({ status: 400, param: 'amount', message: '--amount must be more than 0' })
        const movement = await creditAccount(store, { accountId, amountMicros, note: string(input, 'note'), createdBy: 'cli', idempotencyKey: string(input, 'idempotency-key') })
        return moved(store, accountId, movement, 'Credited')
      },
    },
    {
      name: 'billing adjust',
      describe: 'Correct a balance (negative amounts take money away)',
      options: {
        account: { type: 'string', describe: 'Account id', required: true },
        amount: { type: 'number', describe: 'USD to add, or take when negative', required: true },
        note: { type: 'string', describe: 'Why (required, kept in the ledger)', required: true },
      },
      async run(input, services) {
        const store = await services.store()
        const accountId = string(input, 'account')!
        const movement = await adjustAccount(store, { accountId, amountMicros: readAmount(number(input, 'amount')!), note: string(input, 'note'), createdBy: 'cli' })
        return moved(store, accountId, movement, 'Adjusted by')
      },
    },
    {
      name: 'billing refund',
      describe: 'Refund what a request was charged',
      options: {
        account: { type: 'string', describe: 'Account id', required: true },
        request: { type: 'string', describe: 'Request id (req_…)', required: true },
        amount: { type: 'number', describe: 'USD (default: all it was charged)' },
        note: { type: 'string', describe: 'Why' },
      },
      async run(input, services) {
        const store = await services.store()
        const accountId = string(input, 'account')!
        const amount = number(input, 'amount')
        const movement = await refundRequest(store, { accountId, requestId: string(input, 'request')!, amountMicros: amount === undefined ? undefined : readAmount(amount), note: string(input, 'note'), createdBy: 'cli' })
        return moved(store, accountId, movement, 'Refunded')
      },
    },
    {
      name: 'billing balance',
      describe: "Show an account's balance, held and available money",
      options: { account: { type: 'string', describe: 'Account id', required: true } },
      async run(input, services) {
        const balance = await readBalance(await services.store(), plans(), string(input, 'account')!)
        return { json: balance, text: describeBalance(balance) }
      },
    },
    {
      name: 'billing ledger',
      describe: "List an account's ledger entries, newest first",
      options: { account: { type: 'string', describe: 'Account id', required: true }, ...pageOptions },
      async run(input, services) {
        const page = await (await services.store()).ledger.list(string(input, 'account')!, { limit: number(input, 'limit'), after: string(input, 'after') })
        const entries = page.data.map(renderLedgerEntry)
        const rows = entries.map((entry) => [entry.id, time(entry.created_at), entry.type, dollars(entry.amount), dollars(entry.reserved), dollars(entry.balance_after), entry.request_id ?? '', entry.created_by ?? '', entry.note ?? ''])
        const more = page.hasMore ? `\n(more: --after ${entries.at(-1)!.id})` : ''
        return { json: { object: 'list', data: entries, has_more: page.hasMore }, text: formatTable([['ID', 'TIME', 'TYPE', 'AMOUNT', 'RESERVED', 'BALANCE', 'REQUEST', 'BY', 'NOTE'], ...rows]) + more }
      },
    },
    {
      name: 'usage list',
      describe: 'List usage records, newest first',
      options: {
        account: { type: 'string', describe: 'Only this account' },
        key: { type: 'string', describe: 'Only this key' },
        model: { type: 'string', describe: 'Only this model (as asked, or provider/model served)' },
        from: { type: 'string', describe: 'From this time (ISO 8601 or Unix seconds)' },
        to: { type: 'string', describe: 'Before this time (ISO 8601 or Unix seconds)' },
        ...pageOptions,
      },
      async run(input, services) {
        const limit = number(input, 'limit')
        const { filter, page } = readUsageQuery({ key_id: string(input, 'key'), model: string(input, 'model'), from: string(input, 'from'), to: string(input, 'to'), limit: limit === undefined ? undefined : String(limit), after: string(input, 'after') })
        const result = await (await services.store()).usageRecords.list({ ...filter, accountId: string(input, 'account') }, page)
        const records = result.data.map(renderUsageRecord)
        const rows = records.map((record) => [record.id, time(record.created_at), record.account_id ?? '', record.served_model ?? record.model, String(record.tokens.input), String(record.tokens.output), dollars(record.cost), String(record.status), `${record.latency_ms} ms`])
        const total = microsToUsd(result.data.reduce((sum, record) => sum + record.costMicros, 0))
        const more = result.hasMore ? `\n(more: --after ${records.at(-1)!.id})` : ''
        return { json: { object: 'list', data: records, has_more: result.hasMore }, text: formatTable([['REQUEST', 'TIME', 'ACCOUNT', 'MODEL', 'IN', 'OUT', 'COST (USD)', 'STATUS', 'LATENCY'], ...rows]) + `\n${records.length} request(s), $${dollars(total)} on this page${more}` }
      },
    },
  ]
}
