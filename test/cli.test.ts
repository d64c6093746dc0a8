import { afterAll, describe, expect, test } from 'bun:test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { runCli, type GatewayConfig } from '@tollgate/core'
import { keys } from '@tollgate/keys'
import { createKeysGateway } from './helpers/create-keys-gateway'
import { MIGRATION_COUNT } from './helpers/migration-count'
import { dropTestDatabases, testDatabases } from './helpers/test-databases'

const databases = await testDatabases()
afterAll(dropTestDatabases)
const ROOT = resolve(import.meta.dir, '..')

async function cli(config: GatewayConfig, ...argv: string[]) {
  const stdout: string[] = []
  const stderr: string[] = []
  const code = await runCli(argv, config, { stdout: (text) => stdout.push(text), stderr: (text) => stderr.push(text) })
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') }
}

for (const database of databases) {
  describe(`bun run tollgate on ${database.dialect}`, () => {
    test('accounts and keys: create, list, revoke; the key works on a gateway sharing the store', async () => {
      const storeOptions = database.fresh()
      const config: GatewayConfig = { env: {}, dataDir: storeOptions.dataDir, databaseURL: storeOptions.databaseURL, databaseSchema: storeOptions.databaseSchema, plugins: [keys()] }

      const account = await cli(config, 'accounts', 'create', '--name', 'Acme Corp', '--plan', 'pro', '--json')
      expect(account.code).toBe(0)
      const accountId = JSON.parse(account.stdout).id
      expect(JSON.parse(account.stdout)).toMatchObject({ object: 'account', name: 'Acme Corp', plan: 'pro' })
      const listed = await cli(config, 'accounts', 'list')
      expect(listed.stdout.split('\n')[0]).toMatch(/^ID\s+NAME\s+PLAN\s+STATUS/)
      expect(listed.stdout).toContain(`${accountId}  Acme Corp  pro`)

      const human = await cli(config, 'keys', 'create', '--account', accountId, '--name', 'ops laptop')
      expect(human.code).toBe(0)
      expect(human.stdout).toMatch(/^Created private key key_\w+ \(ops laptop\) for account acct_\w+/)
      expect(human.stdout).toMatch(/\n {4}sk-tg-[0-9A-Za-z]{43}\n/)
      expect(human.stdout).toContain('shown only once')
      const created = await cli(config, 'keys', 'create', '--account', accountId, '--name', 'ci', '--scopes', 'inference', '--models', 'mock/*', '--rpm', '30', '--json')
      const key = JSON.parse(created.stdout)
      expect(key).toMatchObject({ object: 'api_key', name: 'ci', scopes: ['inference'], models: ['mock/*'], rpm: 30 })
      expect(key.key).toMatch(/^sk-tg-/)
      const keyList = await cli(config, 'keys', 'list', '--account', accountId, '--json')
      expect(JSON.parse(keyList.stdout).data.map((row: any) => row.name)).toEqual(['ci', 'ops laptop'])
      expect(keyList.stdout).not.toContain(key.key)

      const gateway = await createKeysGateway(database, { storeOptions })
      expect((await gateway.chat(key.key)).status).toBe(200)
      const revoked = await cli(config, 'keys', 'revoke', key.id)
      expect([revoked.code, revoked.stdout]).toEqual([0, expect.stringMatching(new RegExp(`^Revoked key ${key.id} \\(ci\\) at \\d{4}-`))])
      // A fresh gateway (no cache) sees the revocation at once.
      const fresh = await createKeysGateway(database, { storeOptions })
      expect((await fresh.chat(key.key)).status).toBe(401)
      await gateway.stop()
      await fresh.stop()
    })

    test('migrate applies on an empty database, then reports it is up to date', async () => {
      const storeOptions = database.fresh()
      const config: GatewayConfig = { env: {}, dataDir: storeOptions.dataDir, databaseURL: storeOptions.databaseURL, databaseSchema: storeOptions.databaseSchema }
      const first = await cli(config, 'migrate')
      expect([first.code, first.stdout]).toEqual([0, expect.stringMatching(new RegExp(`^Applied ${MIGRATION_COUNT} migration\\(s\\) to .+ \\(${MIGRATION_COUNT} in total\\)$`))])
      const again = await cli(config, 'migrate', '--json')
      expect(JSON.parse(again.stdout)).toEqual({ object: 'migration', dialect: database.dialect, applied: 0, total: MIGRATION_COUNT })
    })
  })
}

describe('bun run tollgate: usage and errors', () => {
  const config: GatewayConfig = { env: {}, dataDir: mkdtempSync(join(tmpdir(), 'tollgate-cli-')), plugins: [keys()] }

  test('help lists every command; a command shows its options', async () => {
    const help = await cli(config, '--help')
    expect(help.code).toBe(0)
    for (const name of ['migrate', 'accounts create', 'accounts list', 'keys create', 'keys list', 'keys revoke']) expect(help.stdout).toContain(`  ${name}`)
    const keysCreate = await cli(config, 'keys', 'create', '--help')
    expect(keysCreate.stdout).toContain('--account <string>  Account id (required)')
    expect(keysCreate.stdout).toContain('--scopes <a,b,...>')
  })

  test('bad usage exits 2 naming the problem; a failed command exits 1 with its error', async () => {
    const missing = await cli(config, 'keys', 'create', '--name', 'x')
    expect([missing.code, missing.stderr.split('\n')[0]]).toEqual([2, 'error: Missing option --account'])
    const unknown = await cli(config, 'keys', 'create', '--account', 'acct_nope', '--name', 'x')
    expect([unknown.code, unknown.stderr]).toEqual([1, "error: No account 'acct_nope'"])
    const invalid = await cli(config, 'keys', 'create', '--account', 'acct_nope', '--name', 'x', '--type', 'public', '--json')
    expect(invalid.code).toBe(1)
    expect(JSON.parse(invalid.stdout).error).toMatchObject({ param: 'models', type: 'invalid_request_error' })
  })
})

describe('bun run tollgate as a process', () => {
  const spawn = (dataDir: string, ...argv: string[]) =>
    Bun.spawn(['bun', 'run', 'tollgate', ...argv], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TOLLGATE_DATA_DIR: dataDir },
      stdout: 'pipe',
      stderr: 'pipe',
    })

  test('two processes migrating one fresh SQLite file at once: each migration applied exactly once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-cli-race-'))
    const runs = [spawn(dataDir, 'migrate', '--json'), spawn(dataDir, 'migrate', '--json')]
    const results = await Promise.all(runs.map(async (run) => ({ code: await run.exited, stdout: await new Response(run.stdout).text(), stderr: await new Response(run.stderr).text() })))
    for (const result of results) expect({ code: result.code, stderr: result.code ? result.stderr : '' }).toEqual({ code: 0, stderr: '' })
    const applied = results.map((result) => JSON.parse(result.stdout)).map((output) => [output.applied, output.total])
    expect(applied.sort()).toEqual([
      [0, MIGRATION_COUNT],
      [MIGRATION_COUNT, MIGRATION_COUNT],
    ])
  }, 30_000)

  test('zero config: the keys commands are there, on the SQLite file under TOLLGATE_DATA_DIR', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-cli-zero-'))
    const run = spawn(dataDir, 'accounts', 'create', '--name', 'From the shell', '--json')
    expect(await run.exited).toBe(0)
    expect(JSON.parse(await new Response(run.stdout).text())).toMatchObject({ object: 'account', name: 'From the shell' })
    expect(await Bun.file(join(dataDir, 'tollgate.sqlite')).exists()).toBe(true)
  }, 30_000)
})
