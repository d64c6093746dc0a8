import { expect, test } from 'bun:test'
import { GatewayError } from '../../errors/gateway-error'
import { readGeminiMethod, readGeminiTarget } from './read-gemini-target'

const read = (target: string, query = '') => readGeminiTarget({}, { url: `http://gateway/v1beta/models/${target}${query}`, params: { target } })

test('generateContent, streamGenerateContent with and without alt=sse', () => {
  expect(read('gemini-2.5-flash:generateContent')).toEqual({ model: 'gemini-2.5-flash', stream: false, includeUsage: true, options: { streamFormat: 'json-array', method: 'generateContent' } })
  expect(read('gemini-3-pro-preview:streamGenerateContent', '?alt=sse')).toEqual({ model: 'gemini-3-pro-preview', stream: true, includeUsage: true, options: { streamFormat: 'sse', method: 'streamGenerateContent' } })
  expect(read('gemini-flash-latest:streamGenerateContent', '?key=abc').options).toEqual({ streamFormat: 'json-array', method: 'streamGenerateContent' })
})

test('models/ prefix, percent-encoded names and provider-qualified models', () => {
  expect(read('models/gemini-2.5-flash:generateContent').model).toBe('gemini-2.5-flash')
  expect(read('gemini-2.5-flash%3AstreamGenerateContent', '?alt=sse').stream).toBe(true)
  expect(read('gemini%2Fgemini-2.5-pro:generateContent').model).toBe('gemini/gemini-2.5-pro')
})

test('counting and embedding methods are read too (their pipelines serve them), never streamed', () => {
  expect(read('gemini-2.5-flash:countTokens')).toEqual({ model: 'gemini-2.5-flash', stream: false, includeUsage: true, options: { streamFormat: 'json-array', method: 'countTokens' } })
  expect(readGeminiMethod({ '*': 'models/gemini-embedding-001:embedContent' })).toEqual({ model: 'gemini-embedding-001', method: 'embedContent' })
  expect(readGeminiMethod({ '*': 'openai%2Ftext-embedding-3-small:batchEmbedContents' })).toEqual({ model: 'openai/text-embedding-3-small', method: 'batchEmbedContents' })
  expect(readGeminiMethod({ '*': 'anthropic/claude-haiku-4-5:countTokens' })).toEqual({ model: 'anthropic/claude-haiku-4-5', method: 'countTokens' })
})

test('an unknown or missing method is a 404', () => {
  for (const target of ['gemini-2.5-flash:predict', 'gemini-2.5-flash:toString', 'gemini-2.5-flash', ':generateContent']) {
    try {
      read(target)
      throw new Error('expected a 404')
    } catch (error) {
      expect(error instanceof GatewayError && [error.status, error.code]).toEqual([404, 'method_not_found'])
    }
  }
})
