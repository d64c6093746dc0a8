import { expect, test } from 'bun:test'
import { prepareOpenAIChatPassthroughBody } from './prepare-openai-chat-passthrough-body'

const fixture = (name: string) => Bun.file(new URL(`../fixtures/${name}`, import.meta.url)).json()

test('streaming: model replaced, include_usage forced on, other stream_options and unknown fields kept', () => {
  const body = { model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'Hi' }], stream: true, stream_options: { include_obfuscation: false }, n: 3, logprobs: true }
  expect(prepareOpenAIChatPassthroughBody(body, { modelId: 'gpt-4o' })).toEqual({ ...body, model: 'gpt-4o', stream_options: { include_obfuscation: false, include_usage: true } })
  expect(body.model).toBe('openai/gpt-4o')
})

test('streaming without stream_options gets include_usage', async () => {
  const recorded = await fixture('stream-tool-call-include-usage.request.json')
  const { stream_options: _options, ...withoutOptions } = recorded
  expect(prepareOpenAIChatPassthroughBody(withoutOptions, { modelId: 'gpt-4o-mini' })).toEqual(recorded)
})

test('not streaming: only the model changes (recorded cached-tokens request)', async () => {
  const recorded = await fixture('cached-tokens.request.json')
  expect(prepareOpenAIChatPassthroughBody(recorded, { modelId: 'gpt-5.1' })).toEqual({ ...recorded, model: 'gpt-5.1' })
})
