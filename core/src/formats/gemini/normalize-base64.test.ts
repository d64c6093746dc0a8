import { expect, test } from 'bun:test'
import { normalizeBase64 } from './normalize-base64'

test('url-safe → standard alphabet, padding restored; standard and non-base64 text unchanged', () => {
  expect(normalizeBase64('_9j_4AAQ-w')).toBe('/9j/4AAQ+w==')
  expect(normalizeBase64('YWJj')).toBe('YWJj')
  expect(normalizeBase64('YWI')).toBe('YWI=')
  expect(normalizeBase64('a+b/c-d')).toBe('a+b/c-d')
  expect(normalizeBase64('not base64!')).toBe('not base64!')
})
