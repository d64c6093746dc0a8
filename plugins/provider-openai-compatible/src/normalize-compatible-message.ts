const CONTENT_ARRAY = /"content"\s*:\s*\[/
type Part = { type?: unknown; text?: unknown; thinking?: unknown }
type Usage = { completion_tokens?: number; completion_tokens_details?: { reasoning_tokens?: number } } | null | undefined

/** How a service's answers differ from OpenAI's (see `OpenAICompatibleOptions.usageExcludesReasoning`). */
export interface CompatibleAnswerOptions {
  usageExcludesReasoning?: boolean
}

function joinTexts(parts: unknown): string {
  if (typeof parts === 'string') return parts
  if (!Array.isArray(parts)) return ''
  return parts.map((part: Part) => (typeof part === 'string' ? part : part?.type === 'text' && typeof part.text === 'string' ? part.text : '')).join('')
}

/**
 * An assistant `message` or stream `delta` whose `content` is an array of parts (Mistral's
 * reasoning models: `{type: 'thinking', thinking: [{type: 'text', text}]}` and `{type: 'text', text}`)
 * -> the OpenAI shape: `content` text plus `reasoning_content`. Anything else is returned as is.
 */
export function normalizeCompatibleMessage<T>(message: T): T {
  const content = (message as { content?: unknown } | undefined)?.content
  if (!Array.isArray(content)) return message
  const text = content.map((part: Part) => (part?.type === 'text' && typeof part.text === 'string' ? part.text : '')).join('')
  const thinking = content.map((part: Part) => (part?.type === 'thinking' ? joinTexts(part.thinking) : '')).join('')
  const normalized: Record<string, unknown> = { ...(message as Record<string, unknown>), content: text }
  if (thinking !== '') normalized.reasoning_content = String((message as { reasoning_content?: unknown }).reasoning_content ?? '') + thinking
  return normalized as T
}

/** Usage whose `completion_tokens` leaves reasoning out -> OpenAI's meaning (reasoning included). */
export function normalizeCompatibleUsage<T extends Usage>(usage: T, options: CompatibleAnswerOptions): T {
  const reasoning = usage?.completion_tokens_details?.reasoning_tokens
  if (!options.usageExcludesReasoning || !usage || typeof reasoning !== 'number' || reasoning === 0) return usage
  return { ...usage, completion_tokens: (usage.completion_tokens ?? 0) + reasoning }
}

/** A `chat.completion` body in OpenAI's shape: messages normalized, usage corrected. */
export function normalizeCompatibleResponse<T>(body: T, options: CompatibleAnswerOptions = {}): T {
  const response = body as { choices?: unknown; usage?: Usage } | undefined
  if (typeof response !== 'object' || response === null) return body
  const normalized: Record<string, unknown> = { ...response, usage: normalizeCompatibleUsage(response.usage, options) }
  if (Array.isArray(response.choices)) normalized.choices = response.choices.map((choice) => ({ ...choice, message: normalizeCompatibleMessage(choice?.message) }))
  if (response.usage === undefined) delete normalized.usage
  return normalized as T
}

/**
 * The `data` of a stream chunk in OpenAI's shape (deltas normalized, usage corrected). Only the
 * rare chunks that need it are parsed twice; text that is not JSON is left for the converter to report.
 */
export function normalizeCompatibleChunkData(data: string, options: CompatibleAnswerOptions = {}): string {
  const contentArray = CONTENT_ARRAY.test(data)
  const usage = options.usageExcludesReasoning === true && data.includes('"reasoning_tokens"')
  if (!contentArray && !usage) return data
  let chunk: { choices?: Array<{ delta?: unknown }>; usage?: Usage }
  try {
    chunk = JSON.parse(data)
  } catch {
    return data
  }
  if (typeof chunk !== 'object' || chunk === null) return data
  const normalized: Record<string, unknown> = { ...chunk }
  if (contentArray && Array.isArray(chunk.choices)) normalized.choices = chunk.choices.map((choice) => ({ ...choice, delta: normalizeCompatibleMessage(choice?.delta) }))
  if (usage && chunk.usage) normalized.usage = normalizeCompatibleUsage(chunk.usage, options)
  return JSON.stringify(normalized)
}
