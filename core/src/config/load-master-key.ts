import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The operator's master key: from config/env, else from `<dataDir>/master-key`, else generated,
 * stored there (mode 0600) and announced once.
 */
export function loadMasterKey(options: {
  configured?: string
  dataDir: string
  announce: (message: string) => void
}): string {
  if (options.configured) return options.configured
  const file = join(options.dataDir, 'master-key')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const key = `sk-tg-master-${randomToken(32)}`
  mkdirSync(options.dataDir, { recursive: true })
  writeFileSync(file, `${key}\n`, { mode: 0o600 })
  options.announce(`Generated master key (stored in ${file}; shown only once):\n\n    ${key}\n`)
  return key
}

export function randomToken(bytes: number): string {
  const buffer = crypto.getRandomValues(new Uint8Array(bytes))
  let out = ''
  for (const byte of buffer) out += byte.toString(36).padStart(2, '0').slice(-2)
  return out
}
