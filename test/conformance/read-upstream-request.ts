import type { RecordedRequest } from '@tollgate/core/testing'
import type { Wire } from './recorded-answer'

export interface UpstreamImage {
  mediaType?: string
  data?: string
  url?: string
}

/** One turn of the conversation as the provider received it, whatever its wire format. */
export interface UpstreamTurn {
  role: 'user' | 'assistant' | 'tool'
  texts: string[]
  images: UpstreamImage[]
  toolCalls: Array<{ id?: string; name: string; arguments: unknown }>
  /** Tool results; `content` is the result flattened to text (Gemini's `response` object as JSON). */
  toolResults: Array<{ id?: string; name?: string; content: string }>
  /** Opaque reasoning state sent back (Anthropic signature / redacted data, OpenAI encrypted content, Gemini thoughtSignature). */
  reasoningStates: string[]
}

/** A provider request read in its own wire format, independently of the gateway's converters. */
export interface UpstreamView {
  url: string
  stream: boolean
  turns: UpstreamTurn[]
  tools: string[]
  /** The JSON schema, read from the field this provider takes it in. */
  schema?: unknown
  /** Whether the request asks the provider to reason (effort, thinking, thinkingConfig). */
  reasoning: boolean
}

const turn = (role: UpstreamTurn['role']): UpstreamTurn => ({ role, texts: [], images: [], toolCalls: [], toolResults: [], reasoningStates: [] })
const flatten = (content: unknown): string => (typeof content === 'string' ? content : JSON.stringify(content))

function dataUrl(url: string): UpstreamImage {
  const match = /^data:([^;]+);base64,(.*)$/.exec(url)
  return match ? { mediaType: match[1], data: match[2] } : { url }
}

function readOpenAIChat(body: any): Omit<UpstreamView, 'url'> {
  const turns = (body.messages as any[]).map((message) => {
    const view = turn(message.role === 'tool' ? 'tool' : message.role === 'assistant' ? 'assistant' : 'user')
    const parts = typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : (message.content ?? [])
    for (const part of parts) {
      if (part.type === 'text' && message.role !== 'tool') view.texts.push(part.text)
      if (part.type === 'image_url') view.images.push(dataUrl(part.image_url.url))
    }
    for (const call of message.tool_calls ?? []) view.toolCalls.push({ id: call.id, name: call.function.name, arguments: JSON.parse(call.function.arguments || '{}') })
    if (message.role === 'tool') view.toolResults.push({ id: message.tool_call_id, content: flatten(message.content) })
    return view
  })
  return {
    stream: body.stream === true,
    turns,
    tools: (body.tools ?? []).map((tool: any) => tool.function.name),
    schema: body.response_format?.json_schema?.schema,
    reasoning: body.reasoning_effort !== undefined,
  }
}

function readOpenAIResponses(body: any): Omit<UpstreamView, 'url'> {
  const turns: UpstreamTurn[] = []
  const current = (role: UpstreamTurn['role']) => (turns.at(-1)?.role === role ? turns.at(-1)! : (turns.push(turn(role)), turns.at(-1)!))
  const input = typeof body.input === 'string' ? [{ role: 'user', content: body.input }] : body.input
  for (const item of input) {
    if (item.type === 'function_call') current('assistant').toolCalls.push({ id: item.call_id, name: item.name, arguments: JSON.parse(item.arguments || '{}') })
    else if (item.type === 'function_call_output') current('tool').toolResults.push({ id: item.call_id, content: flatten(item.output) })
    else if (item.type === 'reasoning') current('assistant').reasoningStates.push(item.encrypted_content)
    else if (item.role !== undefined) {
      const view = current(item.role === 'assistant' ? 'assistant' : 'user')
      const parts = typeof item.content === 'string' ? [{ type: 'input_text', text: item.content }] : item.content
      for (const part of parts) {
        if (typeof part.text === 'string') view.texts.push(part.text)
        if (part.type === 'input_image') view.images.push(dataUrl(part.image_url))
      }
    }
  }
  return {
    stream: body.stream === true,
    turns,
    tools: (body.tools ?? []).map((tool: any) => tool.name),
    schema: body.text?.format?.schema,
    reasoning: body.reasoning?.effort !== undefined,
  }
}

function readAnthropic(body: any): Omit<UpstreamView, 'url'> {
  const turns = (body.messages as any[]).map((message) => {
    const blocks = typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content
    const isResults = blocks.some((block: any) => block.type === 'tool_result')
    const view = turn(message.role === 'assistant' ? 'assistant' : isResults ? 'tool' : 'user')
    for (const block of blocks) {
      if (block.type === 'text') view.texts.push(block.text)
      if (block.type === 'image') view.images.push(block.source.type === 'base64' ? { mediaType: block.source.media_type, data: block.source.data } : { url: block.source.url })
      if (block.type === 'tool_use') view.toolCalls.push({ id: block.id, name: block.name, arguments: block.input })
      if (block.type === 'tool_result') view.toolResults.push({ id: block.tool_use_id, content: flatten(block.content) })
      if (block.type === 'thinking') view.reasoningStates.push(block.signature)
      if (block.type === 'redacted_thinking') view.reasoningStates.push(block.data)
    }
    return view
  })
  return {
    stream: body.stream === true,
    turns,
    tools: (body.tools ?? []).map((tool: any) => tool.name),
    schema: body.output_config?.format?.schema,
    reasoning: body.thinking !== undefined && body.thinking.type !== 'disabled',
  }
}

function readGemini(body: any, url: string): Omit<UpstreamView, 'url'> {
  const turns = (body.contents as any[]).map((content) => {
    const isResults = content.parts.some((part: any) => part.functionResponse)
    const view = turn(content.role === 'model' ? 'assistant' : isResults ? 'tool' : 'user')
    for (const part of content.parts) {
      if (typeof part.text === 'string' && !part.thought) view.texts.push(part.text)
      if (part.inlineData) view.images.push({ mediaType: part.inlineData.mimeType, data: part.inlineData.data })
      if (part.functionCall) view.toolCalls.push({ id: part.functionCall.id, name: part.functionCall.name, arguments: part.functionCall.args ?? {} })
      if (part.functionResponse) view.toolResults.push({ id: part.functionResponse.id, name: part.functionResponse.name, content: flatten(part.functionResponse.response) })
      if (part.thoughtSignature) view.reasoningStates.push(part.thoughtSignature)
    }
    return view
  })
  const config = body.generationConfig ?? {}
  return {
    stream: url.includes(':streamGenerateContent'),
    turns,
    tools: (body.tools ?? []).flatMap((tool: any) => (tool.functionDeclarations ?? []).map((declaration: any) => declaration.name)),
    schema: config.responseJsonSchema ?? config.responseSchema,
    reasoning: config.thinkingConfig !== undefined,
  }
}

/** Consecutive turns of one role are one turn (a Gemini SDK sends a streamed answer back as one model content per chunk). */
function mergeTurns(turns: UpstreamTurn[]): UpstreamTurn[] {
  const merged: UpstreamTurn[] = []
  for (const next of turns) {
    const last = merged.at(-1)
    if (last?.role !== next.role) merged.push(next)
    else for (const key of ['texts', 'images', 'toolCalls', 'toolResults', 'reasoningStates'] as const) (last[key] as unknown[]).push(...next[key])
  }
  return merged
}

/** Read what the gateway sent to a fake upstream. */
export function readUpstreamRequest(wire: Wire, request: RecordedRequest): UpstreamView {
  const read = { 'openai-chat': readOpenAIChat, 'openai-responses': readOpenAIResponses, anthropic: readAnthropic, gemini: readGemini }[wire]
  const view = read(request.body, request.url)
  return { url: request.url, ...view, turns: mergeTurns(view.turns) }
}

/** The endpoint each wire format is called at (upstream base URLs of the test gateway). */
export function expectedUpstreamURL(wire: Wire, model: string, stream: boolean): string {
  if (wire === 'openai-chat') return 'https://api.openai.test/v1/chat/completions'
  if (wire === 'openai-responses') return 'https://api.openai.test/v1/responses'
  if (wire === 'anthropic') return 'https://api.anthropic.test/v1/messages'
  return `https://gemini.googleapis.test/v1beta/models/${model}:${stream ? 'streamGenerateContent?alt=sse' : 'generateContent'}`
}
