import Anthropic from '@anthropic-ai/sdk'
import { BASE_URL, MASTER_KEY } from '../helpers/create-test-gateway'
import { observedFetch, refusedAnswer, type ClientAnswer, type ClientDriver, type ClientRequest } from './client-driver'

function params(request: ClientRequest): Record<string, unknown> {
  const content: Anthropic.ContentBlockParam[] | string = request.image
    ? [
        { type: 'image', source: { type: 'base64', media_type: request.image.mediaType as 'image/png', data: request.image.data } },
        { type: 'text', text: request.prompt },
      ]
    : request.prompt
  return {
    model: request.model,
    max_tokens: 4096,
    ...(request.tools && { tools: request.tools.map((tool) => ({ name: tool.name, description: tool.description, input_schema: tool.parameters })) }),
    ...(request.schema && { output_config: { format: { type: 'json_schema', schema: request.schema.schema } } }),
    ...(request.reasoning && { thinking: { type: 'enabled', budget_tokens: 1024 } }),
    messages: [{ role: 'user', content }],
  }
}

const finishOf = (reason: string | null): ClientAnswer['finish'] => (reason === 'end_turn' ? 'stop' : reason === 'tool_use' ? 'tool-calls' : reason === 'max_tokens' ? 'length' : 'other')

function answerOf(message: Anthropic.Message, headers: Headers, status: number): ClientAnswer {
  const answer: ClientAnswer = { status, headers, text: '', toolCalls: [], reasoningText: '', reasoningStates: [], finish: finishOf(message.stop_reason), usage: { input: message.usage.input_tokens, output: message.usage.output_tokens } }
  for (const block of message.content) {
    if (block.type === 'text') answer.text += block.text
    if (block.type === 'tool_use') answer.toolCalls.push({ id: block.id, name: block.name, arguments: block.input })
    if (block.type === 'thinking') {
      answer.reasoningText += block.thinking
      // Reasoning of another provider is shown with `signature: ''`: nothing to send back.
      if (block.signature !== '') answer.reasoningStates.push(block.signature)
    }
    if (block.type === 'redacted_thinking') answer.reasoningStates.push(block.data)
  }
  return answer
}

/** Anthropic Messages through the official `@anthropic-ai/sdk` (`messages.stream().finalMessage()` for streams); content goes back as received. */
export const anthropicMessagesDriver: ClientDriver = {
  dialect: 'anthropic-messages',
  async start(gateway, request) {
    const { fetch, observed } = observedFetch(gateway)
    const client = new Anthropic({ apiKey: MASTER_KEY, baseURL: BASE_URL, fetch, maxRetries: 0 })
    const body = params(request)
    const messages = body.messages as Anthropic.MessageParam[]
    let content: Anthropic.ContentBlock[] = []

    const ask = async (): Promise<ClientAnswer> => {
      try {
        const message = request.stream
          ? await client.messages.stream({ ...body, messages } as never).finalMessage()
          : ((await client.messages.create({ ...body, messages } as never)) as Anthropic.Message)
        content = message.content
        return answerOf(message, observed.headers, observed.status)
      } catch (error) {
        return refusedAnswer(observed, error)
      }
    }

    const answer = await ask()
    return {
      answer,
      async next({ result, followUp }) {
        messages.push({ role: 'assistant', content })
        if (followUp !== undefined) messages.push({ role: 'user', content: followUp })
        else messages.push({ role: 'user', content: answer.toolCalls.map((call, index) => ({ type: 'tool_result' as const, tool_use_id: call.id, content: result!(call, index) })) })
        return ask()
      },
    }
  },
}
