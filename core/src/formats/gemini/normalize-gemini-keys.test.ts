import { expect, test } from 'bun:test'
import { normalizeGeminiKeys } from './normalize-gemini-keys'
import finishMaxTokens from './fixtures/finish-max-tokens.request.json'
import parallelCalls from './fixtures/parallel-function-calls.request.json'
import jsonArrayAfterResponse from './fixtures/stream-json-array-after-function-response.request.json'

test('snake_case field names recorded from real clients become camelCase', () => {
  expect(normalizeGeminiKeys(finishMaxTokens).generationConfig.thinkingConfig).toEqual({ thinkingBudget: 0 })
  const declaration = normalizeGeminiKeys(parallelCalls).tools[0].functionDeclarations[0] as Record<string, unknown>
  expect(declaration).toEqual({ description: '', name: 'generate_topic', parametersJsonSchema: { additionalProperties: false, properties: {}, type: 'object' } })
  const [, model, user] = normalizeGeminiKeys(jsonArrayAfterResponse).contents as any[]
  expect(Object.keys(model.parts[1])).toEqual(['functionCall', 'thoughtSignature'])
  expect(user.parts[0]).toEqual({ functionResponse: { name: 'multiply', response: { output: '15' } } })
})

test('the inside of arguments, responses and schemas is data and keeps its keys', () => {
  const body = {
    contents: [{ parts: [{ function_call: { name: 'f', args: { user_id: 1, nested_value: { a_b: 2 } } } }, { function_response: { name: 'f', response: { return_value: 'x' } } }] }],
    tools: [{ function_declarations: [{ name: 'f', parameters: { type: 'OBJECT', property_ordering: ['a_b'] } }] }],
    generation_config: { response_json_schema: { properties: { snake_case: { type: 'string' } } } },
  }
  expect(normalizeGeminiKeys(body)).toEqual({
    contents: [{ parts: [{ functionCall: { name: 'f', args: { user_id: 1, nested_value: { a_b: 2 } } } }, { functionResponse: { name: 'f', response: { return_value: 'x' } } }] }],
    tools: [{ functionDeclarations: [{ name: 'f', parameters: { type: 'OBJECT', property_ordering: ['a_b'] } }] }],
    generationConfig: { responseJsonSchema: { properties: { snake_case: { type: 'string' } } } },
  })
  expect(body.generation_config).toBeDefined() // the input is untouched
})
