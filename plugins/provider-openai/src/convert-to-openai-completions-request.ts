import { GatewayError, type CanonicalRequest, type ConversionContext, type ConvertedRequest, type Warning } from '@tollgate/core'

const WIRE = 'openai-completions'

/** OpenAI models served only by the legacy `/completions` (and their fine-tunes, `ft:davinci-002:...`). */
export function isOpenAICompletionModel(context: ConversionContext): boolean {
  return context.model?.type === 'completion' || /^(ft:)?(gpt-3\.5-turbo-instruct|davinci-002|babbage-002)/.test(context.modelId)
}

/**
 * The prompt of a canonical request: from a completions client, its one user message. Anything a
 * plugin added (system text, more turns) is joined in order by blank lines; parts that are not
 * text cannot be put in a prompt (a 400).
 */
function toPrompt(request: CanonicalRequest): string {
  const texts = (request.system ?? []).map((part) => part.text)
  for (const message of request.messages) {
    for (const part of message.content) {
      if (part.type === 'text') texts.push(part.text)
      else throw new GatewayError({ status: 400, param: 'prompt', message: `A ${part.type} part cannot be sent to a completion model, which takes a text prompt` })
    }
  }
  return texts.join('\n\n')
}

/**
 * Canonical request → legacy `POST /completions` body: the prompt, the sampling settings, and a
 * completions client's own extra fields (`suffix`, `best_of`, `logit_bias`, ...) merged verbatim.
 * Streams always ask for usage. One choice only (the canonical form carries one).
 */
export function convertToOpenAICompletionsRequest(request: CanonicalRequest, context: ConversionContext): ConvertedRequest {
  if (request.choices !== undefined && request.choices > 1) throw new GatewayError({ status: 400, param: 'n', message: 'n > 1 cannot be carried by the gateway (one choice per request)' })
  const warnings: Warning[] = []
  const body: Record<string, unknown> = { model: context.modelId, prompt: toPrompt(request) }
  if (request.maxOutputTokens !== undefined) body.max_tokens = request.maxOutputTokens
  if (request.temperature !== undefined) body.temperature = request.temperature
  if (request.topP !== undefined) body.top_p = request.topP
  if (request.stopSequences) body.stop = request.stopSequences
  if (request.seed !== undefined) body.seed = request.seed
  if (request.frequencyPenalty !== undefined) body.frequency_penalty = request.frequencyPenalty
  if (request.presencePenalty !== undefined) body.presence_penalty = request.presencePenalty
  if (request.user !== undefined) body.user = request.user
  if (request.tools?.length) warnings.push({ param: 'tools', message: 'Completion models cannot call tools; not sent' })
  if (request.responseFormat && request.responseFormat.type !== 'text') warnings.push({ param: 'response_format', message: 'Completion models have no structured output; not sent' })
  body.stream = request.stream
  Object.assign(body, request.extra[WIRE])
  if (request.stream) body.stream_options = { include_usage: true }
  return { body, path: '/completions', ...(warnings.length > 0 && { warnings }) }
}
