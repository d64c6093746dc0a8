import { expect, test } from 'bun:test'
import { matchesAny, matchesPattern } from './match-pattern'

test('exact entries match only themselves', () => {
  expect(matchesPattern('gpt-4o', 'gpt-4o')).toBe(true)
  expect(matchesPattern('gpt-4o', 'gpt-4o-mini')).toBe(false)
  expect(matchesPattern('https://app.example.com', 'https://app.example.com')).toBe(true)
})

test('* stands for any run of characters, anywhere; everything else is literal', () => {
  expect(matchesPattern('openai/*', 'openai/gpt-4o')).toBe(true)
  expect(matchesPattern('openai/*', 'anthropic/claude')).toBe(false)
  expect(matchesPattern('openrouter/*', 'openrouter/meta-llama/llama-3')).toBe(true)
  expect(matchesPattern('claude-*-4-5', 'claude-sonnet-4-5')).toBe(true)
  expect(matchesPattern('claude-*-4-5', 'claude-sonnet-4-6')).toBe(false)
  expect(matchesPattern('gpt-4.1', 'gpt-441')).toBe(false)
  expect(matchesPattern('gpt-4.*', 'gpt-4o')).toBe(false)
  expect(matchesPattern('*', 'anything/at-all')).toBe(true)
})

test('with a stop character, * stays inside one segment (origins)', () => {
  expect(matchesPattern('https://*.example.com', 'https://app.example.com', '/')).toBe(true)
  expect(matchesPattern('https://*.example.com', 'https://a.b.example.com', '/')).toBe(true)
  expect(matchesPattern('https://*.example.com', 'https://example.com', '/')).toBe(false)
  expect(matchesPattern('https://*.example.com', 'https://evil.test/.example.com', '/')).toBe(false)
  expect(matchesPattern('https://*.example.com', 'https://evil.test/.example.com')).toBe(true)
  expect(matchesPattern('http://localhost:*', 'http://localhost:5173', '/')).toBe(true)
})

test('matchesAny: any entry against any candidate name', () => {
  expect(matchesAny(['gpt-4o', 'anthropic/*'], ['claude-haiku-4-5', 'anthropic/claude-haiku-4-5'])).toBe(true)
  expect(matchesAny(['gpt-4o'], ['openai/gpt-4o-mini', 'gpt-4o-mini'])).toBe(false)
  expect(matchesAny([], ['gpt-4o'])).toBe(false)
})
