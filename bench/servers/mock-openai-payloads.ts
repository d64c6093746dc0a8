/**
 * OpenAI Chat Completions payloads shaped like real gpt-4o-mini traffic (see the recorded
 * fixtures in /work/shared/fixtures/openai-chat): one JSON completion, and a stream of 20 chunk
 * events (role, 17 content deltas, finish, include_usage chunk) followed by `data: [DONE]`.
 */
const id = 'chatcmpl-BenchX5Xx9rHB2ehcHZCRDsnuymUXc'
const created = 1782955818
const model = 'gpt-4o-mini-2024-07-18'
const tokens = [
  'The', ' capital', ' of', ' the', ' United', ' Kingdom', ' is', ' London', ',', ' a', ' city', ' on', ' the', ' River', ' Thames', '.', ' It',
]
const usage = { prompt_tokens: 24, completion_tokens: tokens.length, total_tokens: 24 + tokens.length, prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 } }

const encoder = new TextEncoder()
const sse = (data: unknown) => encoder.encode(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`)

function chunk(delta: Record<string, unknown>, finishReason: string | null, obfuscation: string) {
  return { id, object: 'chat.completion.chunk', created, model, service_tier: 'default', system_fingerprint: 'fp_d0469e1700', choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }], usage: null, obfuscation }
}

function buildStream(includeUsage: boolean): Uint8Array<ArrayBuffer>[] {
  const events = [sse(chunk({ role: 'assistant', content: '', refusal: null }, null, 'HM7mrUsjk'))]
  for (const token of tokens) events.push(sse(chunk({ content: token }, null, 'auU6fTns'.slice(0, 10 - token.length))))
  events.push(sse(chunk({}, 'stop', 'X1q')))
  if (includeUsage) events.push(sse({ id, object: 'chat.completion.chunk', created, model, service_tier: 'default', system_fingerprint: 'fp_d0469e1700', choices: [], usage, obfuscation: 'qJ3' }))
  events.push(sse('[DONE]'))
  return events
}

/** Encoded SSE events, ready to write; pick by `stream_options.include_usage`. */
export const openAIStreamEvents = { withUsage: buildStream(true), withoutUsage: buildStream(false) }

/** The non-streaming completion body (same text as the stream). */
export const openAICompletionBody = encoder.encode(
  JSON.stringify({
    id,
    object: 'chat.completion',
    created,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: tokens.join(''), refusal: null, annotations: [] }, logprobs: null, finish_reason: 'stop' }],
    usage,
    service_tier: 'default',
    system_fingerprint: 'fp_d0469e1700',
  }),
)
