import { afterAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The README's start command, for real: a Bun server on a loopback port, zero config, offline. */
const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-server-'))
const port = 20000 + Math.floor(Math.random() * 20000)
const server = Bun.spawn(['bun', 'run', 'start'], {
  cwd: join(import.meta.dir, '..'),
  env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', PORT: String(port), TOLLGATE_DATA_DIR: dataDir },
  stdout: 'pipe',
  stderr: 'pipe',
})
afterAll(() => server.kill())

async function waitForHealth() {
  for (let attempt = 0; attempt < 150; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return
    } catch {}
    await Bun.sleep(100)
  }
  throw new Error(`gateway did not start: ${await new Response(server.stderr).text()}`)
}

describe('bun run start', () => {
  test('starts with no config, prints and stores a master key, streams mock/echo over real HTTP', async () => {
    await waitForHealth()
    const key = readFileSync(join(dataDir, 'master-key'), 'utf8').trim()
    const response = await fetch(`http://127.0.0.1:${port}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ model: 'mock/echo', stream: true, messages: [{ role: 'user', content: 'over the wire' }] }),
    })
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    const text = await response.text()
    const content = text
      .split('\n')
      .filter((line) => line.startsWith('data: {'))
      .map((line) => JSON.parse(line.slice(6)).choices[0]?.delta?.content ?? '')
      .join('')
    expect(content).toBe('over the wire')
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true)
    server.kill()
    const output = await new Response(server.stdout).text()
    expect(output).toContain(key)
    expect(output).toContain(`Tollgate listening on http://127.0.0.1:${port}`)
  }, 30_000)
})
