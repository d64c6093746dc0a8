import { expect, test } from 'bun:test'
import { readResponsesJsonFixture } from '../test-support/read-responses-fixture'
import { prepareOpenAIResponsesPassthroughBody } from './prepare-openai-responses-passthrough-body'

test('only the model id changes; everything else (include, store, reasoning items, built-in tools) is forwarded as sent', async () => {
  const body = await readResponsesJsonFixture('stream-web-search.request.json')
  const prepared = prepareOpenAIResponsesPassthroughBody(structuredClone(body), { modelId: 'gpt-5-2025-08-07' })
  expect(prepared).toEqual({ ...body, model: 'gpt-5-2025-08-07' })
  expect(prepared.stream_options).toBeUndefined()
})
