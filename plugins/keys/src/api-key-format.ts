import { createHash } from 'node:crypto'
import type { ApiKeyType } from '@tollgate/core'

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
/** 43 base62 characters ≈ 256 bits of entropy. */
const SECRET_LENGTH = 43
/** What is kept for display: the type prefix plus 8 characters of the secret. */
const DISPLAY_LENGTH = 'sk-tg-'.length + 8

export const KEY_PREFIXES: Record<ApiKeyType, string> = { private: 'sk-tg-', public: 'pk-tg-' }

export interface GeneratedApiKey {
  /** The full key: shown once, never stored. */
  key: string
  hash: string
  /** Safe to display: `sk-tg-AbCd1234`. */
  prefix: string
}

/** A new high-entropy key: `sk-tg-…` (private) or `pk-tg-…` (public), 43 base62 characters after the prefix. */
export function generateApiKey(type: ApiKeyType): GeneratedApiKey {
  let secret = ''
  while (secret.length < SECRET_LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(64))) {
      // 248 = 4 × 62: rejecting larger bytes keeps every character equally likely.
      if (byte < 248 && secret.length < SECRET_LENGTH) secret += ALPHABET[byte % 62]
    }
  }
  const key = `${KEY_PREFIXES[type]}${secret}`
  return { key, hash: hashApiKey(key), prefix: key.slice(0, DISPLAY_LENGTH) }
}

/** SHA-256, hex. Keys carry 256 random bits, so a fast hash is enough: no key can be guessed from it. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex')
}

/** Whether a credential has the shape of a Tollgate key (others are left to other plugins). */
export function looksLikeApiKey(credential: string): boolean {
  return credential.startsWith('sk-tg-') || credential.startsWith('pk-tg-')
}
