import { describe, expect, test } from 'bun:test'
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadMasterKey } from './load-master-key'

describe('loadMasterKey', () => {
  test('a configured key wins and nothing is written', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-'))
    expect(loadMasterKey({ configured: 'sk-mine', dataDir, announce: () => {} })).toBe('sk-mine')
    expect(() => statSync(join(dataDir, 'master-key'))).toThrow()
  })

  test('generated once, stored owner-only, announced once, then read back', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'tollgate-')), 'nested')
    const announced: string[] = []
    const first = loadMasterKey({ dataDir, announce: (message) => announced.push(message) })
    expect(first).toMatch(/^sk-tg-master-[0-9a-z]{64}$/)
    expect(readFileSync(join(dataDir, 'master-key'), 'utf8').trim()).toBe(first)
    expect(statSync(join(dataDir, 'master-key')).mode & 0o777).toBe(0o600)
    expect(loadMasterKey({ dataDir, announce: (message) => announced.push(message) })).toBe(first)
    expect(announced).toHaveLength(1)
    expect(announced[0]).toContain(first)
  })
})
