import { expect, test } from 'bun:test'
import { mergeGeminiExtra } from './merge-gemini-extra'

test('objects merge deeply, tools append, other values are set as sent', () => {
  const body = {
    contents: [{ role: 'user', parts: [{ text: 'hi' }] }],
    systemInstruction: { parts: [{ text: 'Be brief.' }] },
    tools: [{ functionDeclarations: [{ name: 'f' }] }],
    toolConfig: { functionCallingConfig: { mode: 'ANY' } },
    generationConfig: { temperature: 0, thinkingConfig: { thinkingBudget: 1024 } },
  }
  const extra = {
    systemInstruction: { role: 'user' },
    tools: [{ googleSearch: {} }],
    toolConfig: { functionCallingConfig: { allowedFunctionNames: ['f', 'g'] } },
    generationConfig: { responseModalities: ['TEXT'], thinkingConfig: { includeThoughts: false } },
    safetySettings: [{ category: 'HARM_CATEGORY_HATE_SPEECH', threshold: 'BLOCK_NONE' }],
  }
  expect(mergeGeminiExtra(body, extra)).toEqual({
    contents: [{ role: 'user', parts: [{ text: 'hi' }] }],
    systemInstruction: { parts: [{ text: 'Be brief.' }], role: 'user' },
    tools: [{ functionDeclarations: [{ name: 'f' }] }, { googleSearch: {} }],
    toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['f', 'g'] } },
    generationConfig: { temperature: 0, thinkingConfig: { thinkingBudget: 1024, includeThoughts: false }, responseModalities: ['TEXT'] },
    safetySettings: [{ category: 'HARM_CATEGORY_HATE_SPEECH', threshold: 'BLOCK_NONE' }],
  })
})

test('an empty object from the client creates the field; nothing to merge leaves the body as it was', () => {
  expect(mergeGeminiExtra({ contents: [] }, { generationConfig: {} })).toEqual({ contents: [], generationConfig: {} })
  expect(mergeGeminiExtra({ contents: [] }, undefined)).toEqual({ contents: [] })
})
