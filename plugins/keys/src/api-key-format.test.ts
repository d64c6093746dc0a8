import { expect, test } from 'bun:test'
import { generateApiKey, hashApiKey, looksLikeApiKey } from './api-key-format'

test('private and public keys: prefix, length, alphabet, display prefix, hash', () => {
  const secret = generateApiKey('private')
  expect(secret.key).toMatch(/^sk-tg-[0-9A-Za-z]{43}$/)
  expect(secret.prefix).toBe(secret.key.slice(0, 14))
  expect(secret.hash).toMatch(/^[0-9a-f]{64}$/)
  expect(secret.hash).toBe(hashApiKey(secret.key))
  expect(secret.hash).not.toContain(secret.key.slice(6))
  expect(generateApiKey('public').key).toMatch(/^pk-tg-[0-9A-Za-z]{43}$/)
})

test('keys are unique and use the whole alphabet', () => {
  const keys = Array.from({ length: 2_000 }, () => generateApiKey('private').key)
  expect(new Set(keys).size).toBe(keys.length)
  const characters = new Set(keys.flatMap((key) => [...key.slice(6)]))
  expect(characters.size).toBe(62)
})

test('the hash is SHA-256 of the full key (a known vector)', () => {
  expect(hashApiKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
})

test('only sk-tg- and pk-tg- credentials are Tollgate keys', () => {
  expect(looksLikeApiKey('sk-tg-abc')).toBe(true)
  expect(looksLikeApiKey('pk-tg-abc')).toBe(true)
  expect(looksLikeApiKey('sk-openai-abc')).toBe(false)
})
