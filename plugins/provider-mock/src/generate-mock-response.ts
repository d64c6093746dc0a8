import { createUsage, type AssistantPart, type CanonicalRequest, type CanonicalResponse, type Message } from '@tollgate/core'
import { readDirectives, stripDirectives, type Directives } from './read-directives'

const tokens = (text: string) => Math.ceil(text.length / 4)

function textOf(message: Message | undefined): string {
  if (!message) return ''
  return message.content
    .map((part) => (part.type === 'text' ? part.text : part.type === 'tool-result' ? (typeof part.content === 'string' ? part.content : part.content.map((inner) => (inner.type === 'text' ? inner.text : '')).join('')) : ''))
    .join('')
}

function promptText(request: CanonicalRequest): string {
  const system = request.system?.map((part) => part.text).join('') ?? ''
  return system + request.messages.map(textOf).join('') + JSON.stringify(request.tools ?? [])
}

/** A stable short hash for ids and signatures (FNV-1a). */
export function stableHash(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return (hash >>> 0).toString(36)
}

/**
 * The mock's answer, a pure function of the request: `echo` repeats the last user text, `tools`
 * calls the offered tools (or summarises tool results), `reasoning` thinks first (with a signature).
 */
export function generateMockResponse(request: CanonicalRequest, modelId: string): { response: CanonicalResponse; directives: Directives } {
  const last = request.messages[request.messages.length - 1]
  const lastUser = [...request.messages].reverse().find((message) => message.role === 'user')
  const directives = readDirectives(textOf(lastUser))
  const said = stripDirectives(textOf(lastUser)) || '(nothing)'
  const id = `mock-${stableHash(JSON.stringify(request.messages))}`
  const content: AssistantPart[] = []
  let reasoningText = ''

  if (modelId === 'reasoning') {
    reasoningText = `The user said "${said}". I will repeat it.`
    content.push({ type: 'reasoning', text: reasoningText, signature: `mock-signature-${stableHash(reasoningText)}`, provider: 'mock' })
  }

  const answeredTools = last?.role === 'tool' || last?.content.some((part) => part.type === 'tool-result')
  // Directives ask for calls once: after the tool results come back, the mock answers in text.
  const wantedCalls = answeredTools
    ? []
    : directives.callAllTools
    ? (request.tools ?? []).map((tool) => ({ name: tool.name, arguments: '{}' }))
    : directives.toolCalls.length > 0
      ? directives.toolCalls
      : modelId === 'tools' && !answeredTools && request.tools?.length && request.toolChoice?.type !== 'none'
        ? [{ name: request.toolChoice?.type === 'tool' ? request.toolChoice.name : request.tools[0].name, arguments: '{}' }]
        : []

  if (wantedCalls.length > 0) {
    wantedCalls.forEach((call, index) => content.push({ type: 'tool-call', id: `call_${stableHash(id + index)}${index}`, name: call.name, arguments: call.arguments }))
  } else {
    const reply = answeredTools ? `Tool results: ${textOf(last)}` : said
    const json = request.responseFormat && request.responseFormat.type !== 'text'
    content.push({ type: 'text', text: json ? JSON.stringify({ echo: reply }) : reply })
  }

  const outputText = content.map((part) => (part.type === 'text' ? part.text : part.type === 'tool-call' ? part.name + part.arguments : '')).join('')
  return {
    directives,
    response: {
      id,
      model: `mock/${modelId}`,
      created: 1_700_000_000,
      content,
      finishReason: wantedCalls.length > 0 ? 'tool-calls' : 'stop',
      usage: createUsage({ noCache: tokens(promptText(request)), text: tokens(outputText), reasoning: tokens(reasoningText) }),
    },
  }
}
