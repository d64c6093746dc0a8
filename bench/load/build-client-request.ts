import type { LoadRequest } from './load-request'

export type ClientDialect = 'openai-chat' | 'anthropic-messages'

export interface ClientRequestOptions {
  dialect: ClientDialect
  stream: boolean
  /** Model name as the client sends it (may carry mock pacing directives). */
  model: string
  /** Sent the way the dialect's official SDK sends it; omitted for the mock upstream. */
  apiKey?: string
}

const system = 'You are a concise assistant. Answer in one or two sentences and cite no sources.'
const question = 'What is the capital of the United Kingdom, and which river runs through it? Keep it short, please.'

function openAIBody(options: ClientRequestOptions) {
  return {
    model: options.model,
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: question },
    ],
    max_tokens: 256,
    temperature: 0.7,
    ...(options.stream ? { stream: true, stream_options: { include_usage: true } } : {}),
  }
}

function anthropicBody(options: ClientRequestOptions) {
  return { model: options.model, max_tokens: 256, system, messages: [{ role: 'user', content: question }], temperature: 0.7, ...(options.stream ? { stream: true } : {}) }
}

export interface ClientRequestParts {
  path: string
  headers: Array<[string, string]>
  body: string
  terminal?: string
}

/** A realistic small chat request as the OpenAI or Anthropic SDK would send it: path, headers, body. */
export function clientRequestParts(options: ClientRequestOptions): ClientRequestParts {
  const openAI = options.dialect === 'openai-chat'
  const headers: Array<[string, string]> = [
    ['Content-Type', 'application/json'],
    ['Accept', options.stream ? 'text/event-stream' : 'application/json'],
    ['User-Agent', openAI ? 'OpenAI/JS 7.57.0' : 'Anthropic/JS 1.12.0'],
  ]
  if (!openAI) headers.push(['anthropic-version', '2023-06-01'])
  if (options.apiKey) headers.push(openAI ? ['Authorization', `Bearer ${options.apiKey}`] : ['x-api-key', options.apiKey])
  return {
    path: openAI ? '/v1/chat/completions' : '/v1/messages',
    headers,
    body: JSON.stringify(openAI ? openAIBody(options) : anthropicBody(options)),
    terminal: options.stream ? (openAI ? '[DONE]' : 'message_stop') : undefined,
  }
}

/** The same request serialised once as HTTP/1.1 bytes, so the load generator only writes. */
export function buildClientRequest(port: number, options: ClientRequestOptions): LoadRequest {
  const { path, headers, body, terminal } = clientRequestParts(options)
  const head = [`POST ${path} HTTP/1.1`, `Host: 127.0.0.1:${port}`, ...headers.map(([name, value]) => `${name}: ${value}`), `Content-Length: ${Buffer.byteLength(body)}`]
  return { raw: `${head.join('\r\n')}\r\n\r\n${body}`, stream: options.stream, terminal }
}
