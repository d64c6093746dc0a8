import { expect, test } from 'bun:test'
import { createUsage, type StreamEvent } from '../../canonical'
import { parseSse } from '../../sse/sse-parser'
import { createOpenAICompletionsStreamRenderer } from './openai-completions-stream-renderer'

const events: StreamEvent[] = [
  { type: 'response-start', id: 'cmpl-7iA7iJjj8V2zOkCGvWF2hAkDWBQZe', model: 'gpt-3.5-turbo-instruct', created: 1690759702 },
  { type: 'text-start', index: 0 },
  { type: 'text-delta', index: 0, delta: 'This' },
  { type: 'text-delta', index: 0, delta: ' is' },
  { type: 'text-end', index: 0 },
  { type: 'finish', finishReason: 'length', usage: createUsage({ noCache: 5, text: 2 }) },
]

const render = (list: StreamEvent[], options: { includeUsage?: boolean; echo?: string } = {}) => {
  const renderer = createOpenAICompletionsStreamRenderer({ model: 'instruct', requestId: 'req_1', includeUsage: options.includeUsage ?? false, options: options.echo ? { echo: options.echo } : undefined })
  return list.map((event) => renderer.render(event)).join('')
}

const chunk = (text: string, finishReason: string | null = null) => ({
  id: 'cmpl-7iA7iJjj8V2zOkCGvWF2hAkDWBQZe',
  object: 'text_completion',
  created: 1690759702,
  model: 'instruct',
  choices: [{ text, index: 0, logprobs: null, finish_reason: finishReason }],
})

test('text_completion chunks in the documented shape, a last chunk with the finish reason, then [DONE]', () => {
  const sse = parseSse(render(events))
  expect(sse.map((event) => event.data)).toEqual([JSON.stringify(chunk('This')), JSON.stringify(chunk(' is')), JSON.stringify(chunk('', 'length')), '[DONE]'])
})

test('echo streams the prompt first; include_usage adds the usage chunk before [DONE]', () => {
  const data = parseSse(render(events, { echo: 'Say', includeUsage: true })).map((event) => event.data)
  expect(JSON.parse(data[0])).toEqual(chunk('Say'))
  expect(JSON.parse(data.at(-2)!)).toEqual({
    id: 'cmpl-7iA7iJjj8V2zOkCGvWF2hAkDWBQZe',
    object: 'text_completion',
    created: 1690759702,
    model: 'instruct',
    choices: [],
    usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7, prompt_tokens_details: { cached_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 0 } },
  })
  expect(data.at(-1)).toBe('[DONE]')
})

test('an error ends the stream with an error frame and no [DONE]; nothing after it', () => {
  const text = render([events[0], events[2], { type: 'error', error: { status: 503, type: 'overloaded_error', message: 'Overloaded' } }, events[5]])
  const data = parseSse(text).map((event) => event.data)
  expect(data.at(-1)).toBe(JSON.stringify({ error: { message: 'Overloaded', type: 'upstream_error', param: null, code: null } }))
  expect(data).not.toContain('[DONE]')
})
