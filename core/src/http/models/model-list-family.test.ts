import { expect, test } from 'bun:test'
import { modelListFamily } from './model-list-family'

test('anthropic-version → Anthropic; x-goog-api-key or x-goog-api-client → Google; else OpenAI', () => {
  expect(modelListFamily(new Headers({ 'anthropic-version': '2023-06-01', 'x-api-key': 'k' }))).toBe('anthropic')
  expect(modelListFamily(new Headers({ 'x-goog-api-key': 'k' }))).toBe('gemini')
  expect(modelListFamily(new Headers({ authorization: 'Bearer k', 'x-goog-api-client': 'google-genai-sdk/3.1.0 gl-node/24' }))).toBe('gemini')
  expect(modelListFamily(new Headers({ authorization: 'Bearer k' }))).toBe('openai')
})
