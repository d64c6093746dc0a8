import { afterAll, describe, expect, test } from 'bun:test'
import { billing } from '@tollgate/billing'
import { runCli, type GatewayConfig } from '@tollgate/core'
import { keys } from '@tollgate/keys'
import { createBillingGateway, MOCK_PRICES } from './helpers/create-billing-gateway'
import { MASTER_KEY } from './helpers/create-test-gateway'
import { dropTestDatabases, testDatabases } from './helpers/test-databases'

const databases = await testDatabases()
afterAll(dropTestDatabases)

async function cli(config: GatewayConfig, ...argv: string[]) {
  const stdout: string[] = []
  const stderr: string[] = []
  const code = await runCli(argv, config, { stdout: (text) => stdout.push(text), stderr: (text) => stderr.push(text) })
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') }
}

for (const database of databases) {
  describe(`billing API and CLI on ${database.dialect}`, () => {
    test('GET /v1/balance: the account, held and available money, the key spend and limits; billing:read needed', async () => {
      const gateway = await createBillingGateway(database, { billing: { prices: MOCK_PRICES, plans: { default: [{ minimumBalance: 0.5 }] } } })
      const { account, key } = await gateway.fundedKey(2, { spend_limit: 1.5, rpm: 60 })
      await gateway.call(key.key, 'POST', '/v1/chat/completions', { model: 'mock/echo', max_tokens: 10, messages: [{ role: 'user', content: 'hello' }] })
      await gateway.waitForFinishes(1)
      const record = (await gateway.usageRecord(gateway.finishes[0].context.id))!
      const spent = record.costMicros / 1e6
      const balance = await gateway.call(key.key, 'GET', '/v1/balance')
      expect(balance.status).toBe(200)
      expect(balance.body).toEqual({
        object: 'balance',
        account_id: account.id,
        balance: 2 - spent,
        reserved: 0,
        available: 2 - spent,
        currency: 'USD',
        plan: 'default',
        limits: { minimum_balance: 0.5, spend_limit: 1.5, key_spent: spent, key_reserved: 0, key_available: 1.5 - spent, rpm: 60, tpm: null, max_concurrency: null },
      })
      expect((await gateway.admin('GET', `/admin/accounts/${account.id}/balance`)).body).toMatchObject({ object: 'balance', balance: 2 - spent, limits: { spend_limit: null, key_spent: null } })
      const inferenceOnly = await gateway.createKey(account.id, { scopes: ['inference'] })
      expect((await gateway.call(inferenceOnly.key, 'GET', '/v1/balance')).body.error).toMatchObject({ type: 'permission_error', code: 'insufficient_scope' })
      expect((await gateway.call(MASTER_KEY, 'GET', '/v1/balance')).body.error).toMatchObject({ code: 'no_account' })
      expect((await gateway.call(undefined, 'GET', '/v1/balance')).status).toBe(401)
      await gateway.stop()
    })

    test('GET /v1/usage: own account only, filters (key, model, time) and cursor pagination; GET /v1/usage/{id}; /admin/usage across accounts', async () => {
      const gateway = await createBillingGateway(database)
      const { account, key } = await gateway.fundedKey(5)
      const second = await gateway.createKey(account.id, { name: 'second' })
      const other = await gateway.fundedKey(5)
      const send = (secret: string, model: string) => gateway.call(secret, 'POST', '/v1/chat/completions', { model, max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] })
      const ids: string[] = []
      for (const [secret, model] of [[key.key, 'mock/echo'], [second.key, 'mock/echo'], [key.key, 'mock/reasoning'], [other.key.key, 'mock/echo']] as const) ids.push((await send(secret, model)).headers.get('x-request-id')!)
      await gateway.waitForFinishes(4)
      for (const id of ids) await gateway.usageRecord(id)

      const all = await gateway.call(key.key, 'GET', '/v1/usage')
      expect(all.body.object).toBe('list')
      expect(all.body.data.map((record: any) => record.id)).toEqual([ids[2], ids[1], ids[0]])
      expect(all.body.data[0]).toMatchObject({ object: 'usage_record', account_id: account.id, key_id: key.id, model: 'mock/reasoning', served_model: 'mock/reasoning', provider: 'mock', dialect: 'openai-chat', status: 200, outcome: 'ok', streamed: false, estimated: false, attempts: 1 })
      expect(all.body.data[0].tokens.output_reasoning).toBeGreaterThan(0)
      expect(all.body.data[0].cost).toBe(all.body.data[0].charged)
      const byKey = await gateway.call(key.key, 'GET', `/v1/usage?key_id=${second.id}`)
      expect(byKey.body.data.map((record: any) => record.id)).toEqual([ids[1]])
      expect((await gateway.call(key.key, 'GET', '/v1/usage?model=mock/reasoning')).body.data.map((record: any) => record.id)).toEqual([ids[2]])
      const future = new Date(Date.now() + 60_000).toISOString()
      expect((await gateway.call(key.key, 'GET', `/v1/usage?from=${future}`)).body.data).toEqual([])
      expect((await gateway.call(key.key, 'GET', `/v1/usage?to=${Math.floor(Date.now() / 1000) + 60}`)).body.data).toHaveLength(3)
      const page = await gateway.call(key.key, 'GET', '/v1/usage?limit=2')
      expect([page.body.data.length, page.body.has_more]).toEqual([2, true])
      const next = await gateway.call(key.key, 'GET', `/v1/usage?limit=2&after=${page.body.last_id}`)
      expect(next.body.data.map((record: any) => record.id)).toEqual([ids[0]])
      expect((await gateway.call(key.key, 'GET', '/v1/usage?from=yesterday')).body.error).toMatchObject({ param: 'from', type: 'invalid_request_error' })

      expect((await gateway.call(key.key, 'GET', `/v1/usage/${ids[0]}`)).body.id).toBe(ids[0])
      expect((await gateway.call(key.key, 'GET', `/v1/usage/${ids[3]}`)).status).toBe(404)
      expect((await gateway.admin('GET', '/admin/usage')).body.data.map((record: any) => record.id)).toEqual([...ids].reverse())
      expect((await gateway.admin('GET', `/admin/usage?account_id=${other.account.id}`)).body.data.map((record: any) => record.id)).toEqual([ids[3]])
      await gateway.stop()
    })

    test('top-ups, adjustments and refunds: validated, recorded with who did it, the ledger consistent with the balance', async () => {
      const gateway = await createBillingGateway(database)
      const account = await gateway.createAccount({ name: 'Ledger' })
      const operator = await gateway.fundedKey(0, { scopes: ['admin'] })
      const credit = await gateway.call(operator.key.key, 'POST', `/admin/accounts/${account.id}/credits`, { amount: 12.345678, note: 'invoice 7' })
      expect(credit.status).toBe(200)
      expect(credit.body.entry).toMatchObject({ object: 'ledger_entry', type: 'credit', amount: 12.345678, reserved: 0, balance_after: 12.345678, note: 'invoice 7', created_by: operator.key.id })
      expect(credit.body.balance).toMatchObject({ object: 'balance', balance: 12.345678, available: 12.345678 })
      for (const [body, param] of [[{ amount: -1 }, 'amount'], [{ amount: 1.0000001 }, 'amount'], [{}, 'amount']] as const) {
        const bad = await gateway.admin('POST', `/admin/accounts/${account.id}/credits`, body)
        expect([bad.status, bad.body.error.param]).toEqual([400, param])
      }
      expect((await gateway.admin('POST', '/admin/accounts/acct_nope/credits', { amount: 1 })).status).toBe(404)

      const debit = await gateway.admin('POST', `/admin/accounts/${account.id}/adjustments`, { amount: -2.345678, note: 'goodwill reversed' })
      expect(debit.body.entry).toMatchObject({ type: 'adjustment', amount: -2.345678, balance_after: 10, created_by: 'master' })
      const tooMuch = await gateway.admin('POST', `/admin/accounts/${account.id}/adjustments`, { amount: -11, note: 'oops' })
      expect([tooMuch.status, tooMuch.body.error.code]).toEqual([400, 'insufficient_balance'])

      const { key } = { key: await gateway.createKey(account.id) }
      const chat = await gateway.call(key.key, 'POST', '/v1/chat/completions', { model: 'mock/echo', max_tokens: 10, messages: [{ role: 'user', content: 'refund me' }] })
      const requestId = chat.headers.get('x-request-id')!
      await gateway.usageRecord(requestId)
      const cost = Number(chat.headers.get('x-tollgate-cost'))
      expect((await gateway.admin('POST', `/admin/accounts/${account.id}/refunds`, { request_id: requestId, amount: cost * 2 })).body.error).toMatchObject({ param: 'amount', code: 'invalid_refund' })
      const refund = await gateway.admin('POST', `/admin/accounts/${account.id}/refunds`, { request_id: requestId, note: 'bad answer' })
      expect(refund.body.entry).toMatchObject({ type: 'refund', amount: cost, request_id: requestId, key_id: key.id })
      expect(refund.body.balance.balance).toBe(10)
      expect((await gateway.admin('POST', `/admin/accounts/${account.id}/refunds`, { request_id: requestId })).body.error).toMatchObject({ code: 'already_refunded' })
      expect((await gateway.admin('POST', `/admin/accounts/${account.id}/refunds`, { request_id: 'req_unknown' })).status).toBe(404)

      const ledger = await gateway.admin('GET', `/admin/accounts/${account.id}/ledger`)
      expect(ledger.body.data.map((entry: any) => entry.type)).toEqual(['refund', 'settle', 'reserve', 'adjustment', 'credit'])
      expect(ledger.body.data[1]).toMatchObject({ request_id: requestId, amount: -cost, price_version: expect.stringMatching(/^mock\/\*@/) })
      expect(await gateway.ledgerCheck(account.id)).toMatchObject({ balanceMicros: 10_000_000, ledgerBalanceMicros: 10_000_000, reservedMicros: 0, ledgerReservedMicros: 0 })
      await gateway.stop()
    })

    test('GET /v1/prices and the pricing of GET /v1/models', async () => {
      const gateway = await createBillingGateway(database, { billing: { prices: { 'openai/gpt-4o': { input: 2.5, cachedInput: 1.25, output: 10, effectiveFrom: '2026-01-01' } } } })
      const { key } = await gateway.fundedKey(0)
      const prices = await gateway.call(key.key, 'GET', '/v1/prices')
      expect(prices.body.data.find((price: any) => price.model === 'openai/gpt-4o')).toEqual({
        object: 'price',
        model: 'openai/gpt-4o',
        version: expect.stringMatching(/^openai\/gpt-4o@2026-01-01#/),
        effective_from: '2026-01-01',
        currency: 'USD',
        input: 2.5,
        cached_input: 1.25,
        cache_write: 2.5,
        output: 10,
        reasoning: 10,
        request: 0,
        long_context: null,
      })
      expect(prices.body.data.find((price: any) => price.model === 'anthropic/claude-sonnet-4-5')).toMatchObject({ input: 3, cached_input: 0.3, cache_write: 3.75, output: 15, long_context: { above: 200_000, input: 6, output: 22.5 } })
      const model = await gateway.call(key.key, 'GET', '/v1/models/openai/gpt-4o')
      expect(model.status).toBe(200)
      expect(model.body.pricing).toMatchObject({ input: 2.5, output: 10, currency: 'USD', unit: 'per_million_tokens', effective_from: '2026-01-01' })
      await gateway.stop()
    })

    test('CLI: billing topup, balance, adjust, refund, ledger and usage list on the same store', async () => {
      const storeOptions = database.fresh()
      const config: GatewayConfig = { env: {}, dataDir: storeOptions.dataDir, databaseURL: storeOptions.databaseURL, databaseSchema: storeOptions.databaseSchema, plugins: [keys(), billing({ prices: MOCK_PRICES })] }
      const account = JSON.parse((await cli(config, 'accounts', 'create', '--name', 'CLI', '--json')).stdout)
      const topup = await cli(config, 'billing', 'topup', '--account', account.id, '--amount', '25', '--note', 'wire 1', '--idempotency-key', 'wire-1')
      expect([topup.code, topup.stdout.split('\n')[1]]).toEqual([0, `Account ${account.id} (plan default): balance $25.000000, reserved $0.000000, available $25.000000`])
      expect((await cli(config, 'billing', 'topup', '--account', account.id, '--amount', '25', '--idempotency-key', 'wire-1')).stdout).toContain('already applied')
      expect(JSON.parse((await cli(config, 'billing', 'balance', '--account', account.id, '--json')).stdout)).toMatchObject({ balance: 25, available: 25 })
      expect((await cli(config, 'billing', 'topup', '--account', account.id, '--amount', '-3')).code).toBe(1)
      expect((await cli(config, 'billing', 'adjust', '--account', account.id, '--amount', '-5', '--note', 'correction')).stdout).toContain('balance $20.000000')

      const gateway = await createBillingGateway(database, { storeOptions })
      const key = await gateway.createKey(account.id)
      const chat = await gateway.call(key.key, 'POST', '/v1/chat/completions', { model: 'mock/echo', max_tokens: 10, messages: [{ role: 'user', content: 'from the cli test' }] })
      await gateway.waitForFinishes(1)
      await gateway.stop()
      const requestId = chat.headers.get('x-request-id')!

      const usage = await cli(config, 'usage', 'list', '--account', account.id)
      expect(usage.stdout.split('\n')[0]).toMatch(/^REQUEST\s+TIME\s+ACCOUNT\s+MODEL\s+IN\s+OUT\s+COST \(USD\)\s+STATUS\s+LATENCY/)
      expect(usage.stdout).toContain(requestId)
      expect(usage.stdout).toContain('1 request(s)')
      expect(JSON.parse((await cli(config, 'usage', 'list', '--model', 'mock/echo', '--json')).stdout).data.map((record: any) => record.id)).toEqual([requestId])
      expect((await cli(config, 'billing', 'refund', '--account', account.id, '--request', requestId)).stdout).toMatch(/^Refunded \$0\.0000\d\d/)
      const ledger = await cli(config, 'billing', 'ledger', '--account', account.id, '--json')
      expect(JSON.parse(ledger.stdout).data.map((entry: any) => [entry.type, entry.created_by])).toEqual([
        ['refund', 'cli'],
        ['settle', 'gateway'],
        ['reserve', 'gateway'],
        ['adjustment', 'cli'],
        ['credit', 'cli'],
      ])
      expect(JSON.parse((await cli(config, 'billing', 'balance', '--account', account.id, '--json')).stdout)).toMatchObject({ balance: 20, reserved: 0 })
      const help = await cli(config, '--help')
      for (const name of ['billing topup', 'billing balance', 'billing adjust', 'billing refund', 'billing ledger', 'usage list']) expect(help.stdout).toContain(`  ${name}`)
    })
  })
}
