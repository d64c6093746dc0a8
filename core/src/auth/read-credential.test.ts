import { describe, expect, test } from 'bun:test'
import { readCredential, readQueryCredential } from './read-credential'

const KEY = 'sk-tg-0123456789abcdefABCDEF'
const headers = (init: Record<string, string>) => new Headers(init)
const basic = (user: string, password: string) => `Basic ${btoa(`${user}:${password}`)}`

describe('readCredential: each scheme as real clients send it', () => {
  test('Authorization: Bearer (OpenAI SDK, Anthropic SDK 1.x); scheme is case-insensitive', () => {
    expect(readCredential(headers({ authorization: `Bearer ${KEY}` }))).toBe(KEY)
    expect(readCredential(headers({ authorization: `bearer   ${KEY}  ` }))).toBe(KEY)
  })

  test('x-api-key (Anthropic SDK 0.x)', () => {
    expect(readCredential(headers({ 'x-api-key': KEY }))).toBe(KEY)
  })

  test('x-goog-api-key (Gemini SDK)', () => {
    expect(readCredential(headers({ 'x-goog-api-key': KEY }))).toBe(KEY)
  })

  test('?key= (Gemini REST) and ?api-key= (Azure style), only when the URL is given', () => {
    expect(readCredential(headers({}), `http://gateway.test/v1beta/models/x:generateContent?alt=sse&key=${KEY}`)).toBe(KEY)
    expect(readCredential(headers({}), `http://gateway.test/v1/chat/completions?api-key=${KEY}`)).toBe(KEY)
    expect(readCredential(headers({}), `http://gateway.test/v1/chat/completions?key=${encodeURIComponent('a b+c')}`)).toBe('a b+c')
    expect(readCredential(headers({}))).toBeUndefined()
  })

  test('HTTP Basic: the key as the password, or as the user name with an empty password', () => {
    expect(readCredential(headers({ authorization: basic('', KEY) }))).toBe(KEY)
    expect(readCredential(headers({ authorization: basic('anyone', KEY) }))).toBe(KEY)
    expect(readCredential(headers({ authorization: basic(KEY, '') }))).toBe(KEY)
  })

  test('the first scheme present wins: Authorization, then headers, then the query', () => {
    const all = headers({ authorization: `Bearer ${KEY}`, 'x-api-key': 'other', 'x-goog-api-key': 'third' })
    expect(readCredential(all, 'http://gateway.test/v1/x?key=fourth')).toBe(KEY)
    expect(readCredential(headers({ 'x-api-key': 'first', 'x-goog-api-key': 'second' }), 'http://gateway.test/?key=third')).toBe('first')
    expect(readCredential(headers({ 'x-goog-api-key': 'second' }), 'http://gateway.test/?key=third')).toBe('second')
  })

  test('malformed or empty credentials are absent, not errors', () => {
    expect(readCredential(headers({ authorization: 'Bearer' }))).toBeUndefined()
    expect(readCredential(headers({ authorization: 'Basic %%%not-base64' }))).toBeUndefined()
    expect(readCredential(headers({ authorization: `Basic ${btoa('no-colon')}` }))).toBeUndefined()
    expect(readCredential(headers({ authorization: basic('', '') }))).toBeUndefined()
    expect(readCredential(headers({ authorization: 'Token abc' }))).toBeUndefined()
    expect(readCredential(headers({ 'x-api-key': '   ' }))).toBeUndefined()
    expect(readQueryCredential('http://gateway.test/v1/chat/completions?key=')).toBeUndefined()
    expect(readQueryCredential('http://gateway.test/v1/chat/completions?monkey=1')).toBeUndefined()
  })

  test('an unusable Authorization header falls through to the other schemes', () => {
    expect(readCredential(headers({ authorization: 'Token abc', 'x-api-key': KEY }))).toBe(KEY)
  })
})
