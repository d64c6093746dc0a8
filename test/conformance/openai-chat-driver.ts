import OpenAI from 'openai'
import { BASE_URL, MASTER_KEY } from '../helpers/create-test-gateway'
import { dataURL, observedFetch, refusedAnswer, type ClientAnswer, type ClientDriver, type ClientRequest, type ClientToolCall } from './client-driver'

type Message = OpenAI.ChatCompletionMessage & { reasoning_content?: string; reasoning_details?: Array<Record<string, any>> }

const finishOf = (reason: string | null): ClientAnswer['finish'] => (reason === 'stop' ? 'stop' : reason === 'tool_calls' ? 'tool-calls' : reason === 'length' ? 'length' : 'other')

function params(request: ClientRequest): Record<string, unknown> {
  const content: OpenAI.ChatCompletionContentPart[] | string = request.image
    ? [{ type: 'text', text: request.prompt }, { type: 'image_url', image_url: { url: dataURL(request.image) } }]
    : request.prompt
  return {
    model: request.model,
    messages: [{ role: 'user', content }],
    ...(request.tools && { tools: request.tools.map((tool) => ({ type: 'function', function: tool })) }),
    ...(request.schema && { response_format: { type: 'json_schema', json_schema: { name: request.schema.name, schema: request.schema.schema, strict: true } } }),
    ...(request.reasoning && { reasoning_effort: 'low' }),
    ...(request.stream && { stream: true, stream_options: { include_usage: true } }),
  }
}

/**
 * A stream folded the way OpenRouter-convention clients fold it: content and `reasoning_content`
 * concatenate, tool calls merge by index, `reasoning_details` items accumulate (the SDK's own
 * accumulator would keep only the last delta's array).
 */
async function foldStream(stream: AsyncIterable<OpenAI.ChatCompletionChunk>) {
  const message: Message = { role: 'assistant', content: null, refusal: null }
  const calls: OpenAI.ChatCompletionMessageFunctionToolCall[] = []
  let finish: string | null = null
  let usage: OpenAI.CompletionUsage | undefined
  for await (const chunk of stream) {
    usage = chunk.usage ?? usage
    const choice = chunk.choices[0]
    if (!choice) continue
    finish = choice.finish_reason ?? finish
    const delta = choice.delta as Message
    if (delta.content) message.content = (message.content ?? '') + delta.content
    if (delta.reasoning_content) message.reasoning_content = (message.reasoning_content ?? '') + delta.reasoning_content
    if (delta.reasoning_details) (message.reasoning_details ??= []).push(...delta.reasoning_details)
    for (const call of (delta as OpenAI.ChatCompletionChunk.Choice.Delta).tool_calls ?? []) {
      const slot = (calls[call.index] ??= { id: call.id ?? '', type: 'function', function: { name: '', arguments: '' } })
      if (call.id) slot.id = call.id
      slot.function.name += call.function?.name ?? ''
      slot.function.arguments += call.function?.arguments ?? ''
    }
  }
  if (calls.length > 0) message.tool_calls = calls
  return { message, finish, usage }
}

function answerOf(message: Message, finish: string | null, usage: OpenAI.CompletionUsage | undefined, headers: Headers, status: number): ClientAnswer {
  const toolCalls: ClientToolCall[] = (message.tool_calls ?? []).map((call) => {
    if (call.type !== 'function') throw new Error(`unexpected tool call type ${call.type}`)
    return { id: call.id, name: call.function.name, arguments: JSON.parse(call.function.arguments || '{}') }
  })
  const states = (message.reasoning_details ?? []).flatMap((detail) => [detail.signature, detail.data].filter((value): value is string => typeof value === 'string' && value !== ''))
  return {
    status,
    headers,
    text: message.content ?? '',
    toolCalls,
    reasoningText: message.reasoning_content ?? '',
    reasoningStates: states,
    finish: finishOf(finish),
    usage: { input: usage?.prompt_tokens ?? 0, output: usage?.completion_tokens ?? 0 },
  }
}

/** OpenAI Chat Completions through the official `openai` SDK; the assistant message goes back as received. */
export const openAIChatDriver: ClientDriver = {
  dialect: 'openai-chat',
  async start(gateway, request) {
    const { fetch, observed } = observedFetch(gateway)
    const client = new OpenAI({ apiKey: MASTER_KEY, baseURL: `${BASE_URL}/v1`, fetch, maxRetries: 0 })
    const body = params(request)
    const messages = body.messages as OpenAI.ChatCompletionMessageParam[]
    let last: Message | undefined

    const ask = async (): Promise<ClientAnswer> => {
      try {
        if (request.stream) {
          const folded = await foldStream((await client.chat.completions.create({ ...body, messages } as never)) as unknown as AsyncIterable<OpenAI.ChatCompletionChunk>)
          last = folded.message
          return answerOf(folded.message, folded.finish, folded.usage, observed.headers, observed.status)
        }
        const completion = (await client.chat.completions.create({ ...body, messages } as never)) as OpenAI.ChatCompletion
        last = completion.choices[0].message as Message
        return answerOf(last, completion.choices[0].finish_reason, completion.usage, observed.headers, observed.status)
      } catch (error) {
        return refusedAnswer(observed, error)
      }
    }

    const answer = await ask()
    return {
      answer,
      async next({ result, followUp }) {
        messages.push(last as OpenAI.ChatCompletionMessageParam)
        if (followUp !== undefined) messages.push({ role: 'user', content: followUp })
        else answer.toolCalls.forEach((call, index) => messages.push({ role: 'tool', tool_call_id: call.id, content: result!(call, index) }))
        return ask()
      },
    }
  },
}
