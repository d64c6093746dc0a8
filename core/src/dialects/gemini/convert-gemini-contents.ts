import type { Message, ToolResultPart, UserPart } from '../../canonical'
import { GatewayError } from '../../errors/gateway-error'
import { convertGeminiModelParts, mintGeminiToolCallId } from '../../formats/gemini'
import { convertGeminiUserParts } from './convert-gemini-user-parts'

const invalid = (message: string, param: string) => new GatewayError({ status: 400, message, param })

/**
 * Split a user turn: function responses become `tool` messages placed where they were, the other
 * parts stay in `user` messages, order kept ([text, result, result] → user, tool).
 */
function splitUserTurn(parts: Array<UserPart | ToolResultPart>, out: Message[]) {
  if (parts.length === 0) return void out.push({ role: 'user', content: [] })
  let user: UserPart[] | undefined
  let tool: ToolResultPart[] | undefined
  for (const part of parts) {
    if (part.type === 'tool-result') {
      if (!tool) out.push({ role: 'tool', content: (tool = []) }), (user = undefined)
      tool.push(part)
    } else {
      if (!user) out.push({ role: 'user', content: (user = []) }), (tool = undefined)
      user.push(part)
    }
  }
}

/**
 * Gemini `contents` → canonical messages. `model` contents are assistant turns (consecutive ones,
 * as SDKs record a streamed answer chunk by chunk, form one turn); `user` (and legacy `function`)
 * contents are user turns whose function responses become tool messages.
 *
 * Gemini function calls often have no id: they get deterministic ones (`gemini_h<content>_<n>`),
 * and a function response without an id is linked to the first call of the same name in the
 * latest model turn that no response has claimed yet.
 */
export function convertGeminiContents(contents: unknown): Message[] {
  if (!Array.isArray(contents) || contents.length === 0) throw invalid('contents must be a non-empty array', 'contents')
  const messages: Message[] = []
  let openCalls = new Map<string, string[]>()
  contents.forEach((content, index) => {
    const param = `contents.${index}`
    if (typeof content !== 'object' || content === null || Array.isArray(content)) throw invalid(`${param} must be an object`, param)
    const { role = 'user', parts } = content as { role?: unknown; parts?: unknown }
    if (role === 'model') {
      let turn = messages.at(-1)
      if (turn?.role !== 'assistant') messages.push((turn = { role: 'assistant', content: [] })), (openCalls = new Map())
      const seen = new Set(turn.content.map((part) => (part.type === 'tool-call' ? part.id : undefined)))
      convertGeminiModelParts(parts, `${param}.parts`, { mintId: (ordinal) => mintGeminiToolCallId(`h${index}`, ordinal), keepEmptyText: true }, turn.content)
      for (const part of turn.content) if (part.type === 'tool-call' && !seen.has(part.id)) openCalls.set(part.name, [...(openCalls.get(part.name) ?? []), part.id])
    } else if (role === 'user' || role === 'function') {
      const resolveId = (name: string, id: string | undefined, position: number) => {
        const open = openCalls.get(name) ?? []
        if (id === undefined) return open.shift() ?? mintGeminiToolCallId(`h${index}`, position)
        if (open.includes(id)) open.splice(open.indexOf(id), 1)
        return id
      }
      let position = 0
      splitUserTurn(convertGeminiUserParts(parts, `${param}.parts`, (name, id) => resolveId(name, id, position++)), messages)
    } else {
      throw invalid(`${param}.role must be 'user' or 'model'`, `${param}.role`)
    }
  })
  return messages
}
