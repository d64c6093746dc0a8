import { expect, test } from 'bun:test'
import { geminiCountTokensDialect } from './gemini-count-tokens'

test('the counted request: `contents`, or the nested generateContentRequest without its model', () => {
  const contents = [{ role: 'user', parts: [{ text: 'Hi' }] }]
  expect(geminiCountTokensDialect.chatBody({ contents })).toEqual({ contents })
  expect(geminiCountTokensDialect.chatBody({ generateContentRequest: { model: 'models/x', contents, systemInstruction: { parts: [{ text: 'Be brief' }] } } })).toEqual({
    contents,
    systemInstruction: { parts: [{ text: 'Be brief' }] },
  })
  expect(geminiCountTokensDialect.chatBody({ generate_content_request: { contents } })).toEqual({ contents })
  expect(() => geminiCountTokensDialect.chatBody({ generateContentRequest: 'x' })).toThrow("'generateContentRequest' must be an object")
})

test('the model comes from the URL; the answer is totalTokens', () => {
  expect(geminiCountTokensDialect.readTarget({}, { url: 'http://g/v1beta/models/gemini-2.5-flash:countTokens', params: { '*': 'gemini-2.5-flash:countTokens' } })).toEqual({ model: 'gemini-2.5-flash' })
  expect(geminiCountTokensDialect.renderResponse(31)).toEqual({ totalTokens: 31 })
})
