import { expect, test } from 'bun:test'
import { customToolArguments, customToolInput, customToolParameters, describeCustomToolFormat } from './openai-responses-custom-tools'

const patch = '*** Begin Patch\n*** Add File: a.txt\n+héllo "quoted"\n*** End Patch'

test('freeform input <-> canonical arguments {"input": ...}', () => {
  expect(customToolArguments(patch)).toBe(JSON.stringify({ input: patch }))
  expect(customToolInput(customToolArguments(patch))).toBe(patch)
})

test('arguments that are not {"input": string} are taken as the text itself', () => {
  expect(customToolInput('not json')).toBe('not json')
  expect(customToolInput('{"patch":"x"}')).toBe('{"patch":"x"}')
})

test('the format is described in the input parameter', () => {
  expect(describeCustomToolFormat({ type: 'grammar', syntax: 'lark', definition: 'start: "a"' })).toBe('Freeform text that must match this lark grammar:\nstart: "a"')
  expect(describeCustomToolFormat({ type: 'text' })).toBe('Freeform text input')
  expect(customToolParameters(undefined)).toEqual({
    type: 'object',
    properties: { input: { type: 'string', description: 'Freeform text input' } },
    required: ['input'],
    additionalProperties: false,
  })
})
