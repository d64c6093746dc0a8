import OpenAI from 'openai'
import { BASE_URL, MASTER_KEY } from '../helpers/create-test-gateway'
import { dataURL, observedFetch, refusedAnswer, type ClientAnswer, type ClientDriver, type ClientRequest } from './client-driver'

type Item = OpenAI.Responses.ResponseInputItem

function params(request: ClientRequest): Record<string, unknown> {
  const content = request.image
    ? [
        { type: 'input_text', text: request.prompt },
        { type: 'input_image', image_url: dataURL(request.image), detail: 'auto' },
      ]
    : request.prompt
  return {
    model: request.model,
    // Stateless, as Codex calls it: nothing stored, reasoning returned encrypted.
    store: false,
    include: ['reasoning.encrypted_content'],
    ...(request.tools && { tools: request.tools.map((tool) => ({ type: 'function', ...tool, strict: false })) }),
    ...(request.schema && { text: { format: { type: 'json_schema', name: request.schema.name, schema: request.schema.schema, strict: true } } }),
    ...(request.reasoning && { reasoning: { effort: 'low', summary: 'auto' } }),
    input: [{ role: 'user', content }],
  }
}

function answerOf(response: OpenAI.Responses.Response, headers: Headers, status: number): ClientAnswer {
  const answer: ClientAnswer = { status, headers, text: '', toolCalls: [], reasoningText: '', reasoningStates: [], finish: 'stop', usage: { input: response.usage?.input_tokens ?? 0, output: response.usage?.output_tokens ?? 0 } }
  for (const item of response.output) {
    if (item.type === 'message') answer.text += item.content.map((part) => (part.type === 'output_text' ? part.text : '')).join('')
    if (item.type === 'function_call') answer.toolCalls.push({ id: item.call_id, name: item.name, arguments: JSON.parse(item.arguments || '{}') })
    if (item.type === 'reasoning') {
      answer.reasoningText += item.summary.map((part) => part.text).join('')
      if (item.encrypted_content) answer.reasoningStates.push(item.encrypted_content)
    }
  }
  if (response.status === 'incomplete') answer.finish = 'length'
  else if (response.status !== 'completed') answer.finish = 'other'
  else if (answer.toolCalls.length > 0) answer.finish = 'tool-calls'
  return answer
}

/**
 * A stream read the way Codex CLI reads it: the output items of `response.output_item.done`, in
 * order, and status and usage from the terminal event (the SDK's `responses.stream()` helper would
 * also insist on parsing structured output).
 */
async function readStream(events: AsyncIterable<OpenAI.Responses.ResponseStreamEvent>): Promise<OpenAI.Responses.Response> {
  const output: OpenAI.Responses.ResponseOutputItem[] = []
  let final: OpenAI.Responses.Response | undefined
  for await (const event of events) {
    if (event.type === 'response.output_item.done') output[event.output_index] = event.item
    if (event.type === 'response.completed' || event.type === 'response.incomplete' || event.type === 'response.failed') final = event.response
  }
  if (!final) throw new Error('the stream ended without a terminal response event')
  return { ...final, output: output.filter(Boolean) }
}

/** OpenAI Responses through the official `openai` SDK; output items go back as received. */
export const openAIResponsesDriver: ClientDriver = {
  dialect: 'openai-responses',
  async start(gateway, request) {
    const { fetch, observed } = observedFetch(gateway)
    const client = new OpenAI({ apiKey: MASTER_KEY, baseURL: `${BASE_URL}/v1`, fetch, maxRetries: 0 })
    const body = params(request)
    const input = body.input as Item[]
    let output: OpenAI.Responses.ResponseOutputItem[] = []

    const ask = async (): Promise<ClientAnswer> => {
      try {
        const response = request.stream
          ? await readStream((await client.responses.create({ ...body, input, stream: true } as never)) as unknown as AsyncIterable<OpenAI.Responses.ResponseStreamEvent>)
          : ((await client.responses.create({ ...body, input } as never)) as OpenAI.Responses.Response)
        output = response.output
        return answerOf(response, observed.headers, observed.status)
      } catch (error) {
        return refusedAnswer(observed, error)
      }
    }

    const answer = await ask()
    return {
      answer,
      async next({ result, followUp }) {
        input.push(...(output as Item[]))
        if (followUp !== undefined) input.push({ role: 'user', content: followUp })
        else answer.toolCalls.forEach((call, index) => input.push({ type: 'function_call_output', call_id: call.id, output: result!(call, index) }))
        return ask()
      },
    }
  },
}
