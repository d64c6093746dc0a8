import { GoogleGenAI, type GenerateContentResponse, type Part, type PartUnion } from '@google/genai'
import { BASE_URL, MASTER_KEY } from '../helpers/create-test-gateway'
import { observedFetch, refusedAnswer, type ClientAnswer, type ClientDriver, type ClientRequest } from './client-driver'

function config(request: ClientRequest): Record<string, unknown> {
  return {
    ...(request.tools && { tools: [{ functionDeclarations: request.tools.map((tool) => ({ name: tool.name, description: tool.description, parametersJsonSchema: tool.parameters })) }] }),
    ...(request.schema && { responseMimeType: 'application/json', responseJsonSchema: request.schema.schema }),
    ...(request.reasoning && { thinkingConfig: { includeThoughts: true, thinkingBudget: 1024 } }),
  }
}

function answerOf(chunks: GenerateContentResponse[], headers: Headers, status: number): ClientAnswer {
  const last = chunks.at(-1)
  const answer: ClientAnswer = {
    status,
    headers,
    text: '',
    toolCalls: [],
    reasoningText: '',
    reasoningStates: [],
    finish: 'other',
    usage: { input: last?.usageMetadata?.promptTokenCount ?? 0, output: last?.usageMetadata?.candidatesTokenCount ?? 0 },
  }
  const parts: Part[] = chunks.flatMap((chunk) => chunk.candidates?.[0]?.content?.parts ?? [])
  for (const part of parts) {
    if (typeof part.text === 'string') {
      if (part.thought) answer.reasoningText += part.text
      else answer.text += part.text
    }
    if (part.functionCall) answer.toolCalls.push({ id: part.functionCall.id ?? '', name: part.functionCall.name ?? '', arguments: part.functionCall.args ?? {} })
    if (part.thoughtSignature) answer.reasoningStates.push(part.thoughtSignature)
  }
  const reason = chunks.map((chunk) => chunk.candidates?.[0]?.finishReason).find(Boolean)
  if (reason === 'STOP') answer.finish = answer.toolCalls.length > 0 ? 'tool-calls' : 'stop'
  else if (reason === 'MAX_TOKENS') answer.finish = 'length'
  return answer
}

/**
 * Gemini through the official `@google/genai` SDK, as a chat session (`ai.chats`): the SDK keeps
 * the history itself (for a stream, every chunk's content), so the second turn is exactly what a
 * GenAI client sends back.
 */
export const geminiDriver: ClientDriver = {
  dialect: 'gemini',
  async start(gateway, request) {
    const { fetch, observed } = observedFetch(gateway)
    const ai = new GoogleGenAI({ apiKey: MASTER_KEY, httpOptions: { baseUrl: BASE_URL, fetch } })
    const chat = ai.chats.create({ model: request.model, config: config(request) })

    const ask = async (message: PartUnion[] | string): Promise<ClientAnswer> => {
      try {
        const chunks: GenerateContentResponse[] = []
        if (request.stream) for await (const chunk of await chat.sendMessageStream({ message })) chunks.push(chunk)
        else chunks.push(await chat.sendMessage({ message }))
        return answerOf(chunks, observed.headers, observed.status)
      } catch (error) {
        return refusedAnswer(observed, error)
      }
    }

    const first = request.image ? [{ text: request.prompt }, { inlineData: { mimeType: request.image.mediaType, data: request.image.data } }] : request.prompt
    const answer = await ask(first)
    return {
      answer,
      next({ result, followUp }) {
        if (followUp !== undefined) return ask(followUp)
        return ask(answer.toolCalls.map((call, index) => ({ functionResponse: { ...(call.id && { id: call.id }), name: call.name, response: { result: result!(call, index) } } })))
      },
    }
  },
}
