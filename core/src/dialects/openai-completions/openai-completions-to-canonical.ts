import type { CanonicalRequest } from '../../canonical'
import { GatewayError } from '../../errors/gateway-error'
import type { RequestTarget } from '../../plugin/dialect'

export const OPENAI_COMPLETIONS_WIRE = 'openai-completions'
/** OpenAI's default `max_tokens` for legacy completions. */
export const DEFAULT_COMPLETION_MAX_TOKENS = 16

type Body = Record<string, unknown>
const invalid = (message: string, param: string) => new GatewayError({ status: 400, message, param })
/** Consumed here (mapped, or handled by the dialect itself: echo, stream options); the rest pass through. */
const MAPPED = new Set(['model', 'prompt', 'max_tokens', 'stream', 'stream_options', 'echo', 'temperature', 'top_p', 'n', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'user', 'logprobs'])

/**
 * The one prompt of a request. A string, or an array of one string; several prompts (OpenAI
 * answers each as its own choice) and token-id prompts cannot be carried by the canonical form.
 */
export function readCompletionPrompt(prompt: unknown): string {
  if (typeof prompt === 'string') return prompt
  if (Array.isArray(prompt) && prompt.length === 1 && typeof prompt[0] === 'string') return prompt[0]
  if (Array.isArray(prompt) && prompt.length > 1 && prompt.every((item) => typeof item === 'string')) {
    throw invalid('Send one prompt per request: the gateway answers one prompt at a time', 'prompt')
  }
  throw invalid("'prompt' must be a string (or an array of one string); token-id prompts are not supported", 'prompt')
}

const optionalNumber = (body: Body, key: string): number | undefined => (typeof body[key] === 'number' ? (body[key] as number) : undefined)

/** Model, stream flag, output limit (default 16, also for `null`) and the echo text, for routing and rendering. */
export function readOpenAICompletionsTarget(body: Body): RequestTarget {
  const maxTokens = optionalNumber(body, 'max_tokens') ?? DEFAULT_COMPLETION_MAX_TOKENS
  const streamOptions = body.stream_options as { include_usage?: unknown } | null | undefined
  return {
    model: typeof body.model === 'string' ? body.model : '',
    stream: body.stream === true,
    includeUsage: streamOptions?.include_usage === true,
    maxOutputTokens: maxTokens,
    options: body.echo === true ? { echo: readCompletionPrompt(body.prompt) } : undefined,
  }
}

/**
 * A legacy completions request → a canonical chat request with one user message (the prompt).
 * `max_tokens` defaults to 16, as in OpenAI (also when `null`). `echo` is rendered by the dialect.
 * `logprobs` is refused (the canonical form carries no log probabilities). Unmapped fields
 * (`suffix`, `best_of`, `logit_bias`, ...) go to `extra['openai-completions']`: OpenAI's completion
 * models receive them verbatim; other upstreams ignore them.
 */
export function openAICompletionsToCanonical(body: Body): CanonicalRequest {
  if (typeof body.model !== 'string' || body.model === '') throw invalid("'model' is required", 'model')
  if (body.logprobs !== undefined && body.logprobs !== null) throw invalid('logprobs are not supported through the gateway', 'logprobs')
  const target = readOpenAICompletionsTarget(body)
  const request: CanonicalRequest = {
    model: body.model,
    messages: [{ role: 'user', content: [{ type: 'text', text: readCompletionPrompt(body.prompt) }] }],
    maxOutputTokens: target.maxOutputTokens,
    stream: target.stream,
    extra: {},
  }
  if (target.stream) request.streamUsage = target.includeUsage
  const numbers = { temperature: 'temperature', top_p: 'topP', seed: 'seed', frequency_penalty: 'frequencyPenalty', presence_penalty: 'presencePenalty', n: 'choices' } as const
  for (const [field, name] of Object.entries(numbers)) {
    const value = optionalNumber(body, field)
    if (value !== undefined) request[name] = value
  }
  if (typeof body.stop === 'string') request.stopSequences = [body.stop]
  else if (Array.isArray(body.stop) && body.stop.length > 0) request.stopSequences = body.stop as string[]
  if (typeof body.user === 'string') request.user = body.user
  const extra: Body = {}
  for (const key in body) if (!MAPPED.has(key)) extra[key] = body[key]
  if (Object.keys(extra).length > 0) request.extra[OPENAI_COMPLETIONS_WIRE] = extra
  return request
}
