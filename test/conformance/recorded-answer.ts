import { parseSse } from '@tollgate/core'

/** The wire formats the providers speak (OpenAI speaks two: Chat Completions to most clients, Responses to Responses clients). */
export type Wire = 'openai-chat' | 'openai-responses' | 'anthropic' | 'gemini'

export interface RecordedToolCall {
  /** The provider's id (Gemini function calls have none). */
  id?: string
  name: string
  arguments: unknown
}

/** What a recorded provider answer says, read independently of the gateway's converters (the test oracle). */
export interface RecordedAnswer {
  text: string
  toolCalls: RecordedToolCall[]
  reasoningText: string
  /** Opaque reasoning state the provider minted (Anthropic signature, OpenAI encrypted content, Gemini thoughtSignature). */
  reasoningStates: string[]
}

const parseArguments = (text: string): unknown => (text === '' ? {} : JSON.parse(text))

function empty(): RecordedAnswer {
  return { text: '', toolCalls: [], reasoningText: '', reasoningStates: [] }
}

function readOpenAIChat(body: string, stream: boolean): RecordedAnswer {
  const answer = empty()
  const messages = stream
    ? parseSse(body)
        .filter((event) => event.data !== '[DONE]')
        .map((event) => JSON.parse(event.data).choices?.[0]?.delta ?? {})
    : [JSON.parse(body).choices[0].message]
  const calls: Array<{ id?: string; name: string; arguments: string }> = []
  for (const message of messages) {
    answer.text += message.content ?? ''
    for (const [position, call] of (message.tool_calls ?? []).entries()) {
      const index = call.index ?? position
      calls[index] ??= { id: call.id, name: '', arguments: '' }
      calls[index].name += call.function?.name ?? ''
      calls[index].arguments += call.function?.arguments ?? ''
    }
  }
  answer.toolCalls = calls.map((call) => ({ id: call.id, name: call.name, arguments: parseArguments(call.arguments) }))
  return answer
}

function readOpenAIResponses(body: string, stream: boolean): RecordedAnswer {
  const answer = empty()
  const items = stream
    ? parseSse(body)
        .map((event) => JSON.parse(event.data))
        .filter((event) => event.type === 'response.output_item.done')
        .map((event) => event.item)
    : JSON.parse(body).output
  for (const item of items) {
    if (item.type === 'message') answer.text += item.content.map((part: { text?: string }) => part.text ?? '').join('')
    if (item.type === 'function_call') answer.toolCalls.push({ id: item.call_id, name: item.name, arguments: parseArguments(item.arguments) })
    if (item.type === 'reasoning') {
      answer.reasoningText += (item.summary ?? []).map((part: { text: string }) => part.text).join('')
      if (item.encrypted_content) answer.reasoningStates.push(item.encrypted_content)
    }
  }
  return answer
}

function readAnthropicBlocks(blocks: any[], answer: RecordedAnswer) {
  for (const block of blocks) {
    if (block.type === 'text') answer.text += block.text
    if (block.type === 'tool_use') answer.toolCalls.push({ id: block.id, name: block.name, arguments: block.input })
    if (block.type === 'thinking') {
      answer.reasoningText += block.thinking
      answer.reasoningStates.push(block.signature)
    }
    if (block.type === 'redacted_thinking') answer.reasoningStates.push(block.data)
  }
}

function readAnthropic(body: string, stream: boolean): RecordedAnswer {
  const answer = empty()
  if (!stream) return readAnthropicBlocks(JSON.parse(body).content, answer), answer
  const blocks: any[] = []
  const partialJson: string[] = []
  for (const event of parseSse(body)) {
    const data = JSON.parse(event.data)
    if (data.type === 'content_block_start') blocks[data.index] = { ...data.content_block }
    if (data.type !== 'content_block_delta') continue
    const block = blocks[data.index]
    const delta = data.delta
    if (delta.type === 'text_delta') block.text += delta.text
    if (delta.type === 'thinking_delta') block.thinking += delta.thinking
    if (delta.type === 'signature_delta') block.signature = (block.signature ?? '') + delta.signature
    if (delta.type === 'input_json_delta') partialJson[data.index] = (partialJson[data.index] ?? '') + delta.partial_json
  }
  partialJson.forEach((json, index) => (blocks[index].input = parseArguments(json)))
  readAnthropicBlocks(blocks.filter(Boolean), answer)
  return answer
}

function readGemini(body: string, stream: boolean): RecordedAnswer {
  const answer = empty()
  const chunks = stream ? parseSse(body).map((event) => JSON.parse(event.data)) : [JSON.parse(body)]
  for (const part of chunks.flatMap((chunk) => chunk.candidates?.[0]?.content?.parts ?? [])) {
    if (typeof part.text === 'string') {
      if (part.thought) answer.reasoningText += part.text
      else answer.text += part.text
    }
    if (part.functionCall) answer.toolCalls.push({ id: part.functionCall.id, name: part.functionCall.name, arguments: part.functionCall.args ?? {} })
    if (part.thoughtSignature) answer.reasoningStates.push(part.thoughtSignature)
  }
  return answer
}

const readers: Record<Wire, (body: string, stream: boolean) => RecordedAnswer> = {
  'openai-chat': readOpenAIChat,
  'openai-responses': readOpenAIResponses,
  anthropic: readAnthropic,
  gemini: readGemini,
}

/** Read a recorded answer (a `.json` body or a `.sse` stream) of one wire format. */
export function readRecordedAnswer(wire: Wire, body: string, stream: boolean): RecordedAnswer {
  return readers[wire](body, stream)
}
