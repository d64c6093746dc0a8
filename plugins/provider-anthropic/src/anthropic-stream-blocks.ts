import type { StreamEvent } from '@tollgate/core'

type Block = Record<string, unknown>

/** What the stream converter remembers about one open Anthropic content block. */
export interface OpenBlock {
  kind: 'text' | 'reasoning' | 'tool' | 'opaque'
  /** Opaque blocks: the start block, completed at stop. */
  block?: Block
  /** Opaque blocks: their input_json_delta text so far. */
  json?: string
  /** Text blocks: citations so far (citations_delta). */
  citations?: unknown[]
  /** Tool blocks: whether any argument text was emitted. */
  hasArguments?: boolean
}

function extraFields(block: Block, known: readonly string[]) {
  let rest: Block | undefined
  for (const key in block) if (!known.includes(key)) (rest ??= {})[key] = block[key]
  return rest && { anthropic: rest }
}

/**
 * content_block_start → canonical start events. text, thinking, redacted_thinking and tool_use map
 * to canonical blocks (their extra fields, e.g. `citations: []` or `caller`, as providerData); any
 * other block (server_tool_use, *_tool_result, ...) is opaque: nothing is emitted until its stop.
 */
export function startAnthropicBlock(index: number, block: Block, out: StreamEvent[]): OpenBlock {
  switch (block.type) {
    case 'text': {
      const providerData = extraFields(block, ['type', 'text'])
      out.push(providerData ? { type: 'text-start', index, providerData } : { type: 'text-start', index })
      if (block.text) out.push({ type: 'text-delta', index, delta: block.text as string })
      return { kind: 'text', ...(Array.isArray(block.citations) && { citations: [...block.citations] }) }
    }
    case 'thinking':
      out.push({ type: 'reasoning-start', index, provider: 'anthropic' })
      if (block.thinking) out.push({ type: 'reasoning-delta', index, delta: block.thinking as string })
      if (block.signature) out.push({ type: 'reasoning-signature', index, signature: block.signature as string })
      return { kind: 'reasoning' }
    case 'redacted_thinking':
      out.push({ type: 'reasoning-start', index, redactedData: block.data as string, provider: 'anthropic' })
      return { kind: 'reasoning' }
    case 'tool_use': {
      const providerData = extraFields(block, ['type', 'id', 'name', 'input'])
      out.push({ type: 'tool-call-start', index, id: block.id as string, name: block.name as string, ...(providerData && { providerData }) })
      const input = block.input
      const initial = input && typeof input === 'object' && Object.keys(input).length > 0 ? JSON.stringify(input) : ''
      if (initial) out.push({ type: 'tool-call-delta', index, argumentsDelta: initial })
      return { kind: 'tool', hasArguments: initial !== '' }
    }
  }
  return { kind: 'opaque', block, json: '' }
}

/** content_block_delta → canonical deltas (citations and opaque input are collected instead). */
export function deltaAnthropicBlock(index: number, state: OpenBlock, delta: Block, out: StreamEvent[]) {
  switch (delta.type) {
    case 'text_delta':
      if (delta.text) out.push({ type: 'text-delta', index, delta: delta.text as string })
      return
    case 'thinking_delta':
      if (delta.thinking) out.push({ type: 'reasoning-delta', index, delta: delta.thinking as string })
      return
    case 'signature_delta':
      out.push({ type: 'reasoning-signature', index, signature: delta.signature as string })
      return
    case 'input_json_delta':
      if (state.kind === 'opaque') state.json += delta.partial_json as string
      else if (state.kind === 'tool' && delta.partial_json) {
        state.hasArguments = true
        out.push({ type: 'tool-call-delta', index, argumentsDelta: delta.partial_json as string })
      }
      return
    case 'citations_delta':
      ;(state.citations ??= []).push(delta.citation)
  }
}

/**
 * Block stop → canonical end. Citations ride on text-end; a tool call that got no argument text
 * gets '{}' (as the non-stream form has); an opaque block is emitted whole as a provider block,
 * its input parsed from the joined input_json_delta (left as started if cut short by max_tokens).
 */
export function closeAnthropicBlock(index: number, state: OpenBlock, out: StreamEvent[]) {
  if (state.kind === 'text') out.push(state.citations ? { type: 'text-end', index, providerData: { anthropic: { citations: state.citations } } } : { type: 'text-end', index })
  else if (state.kind === 'reasoning') out.push({ type: 'reasoning-end', index })
  else if (state.kind === 'tool') {
    if (!state.hasArguments) out.push({ type: 'tool-call-delta', index, argumentsDelta: '{}' })
    out.push({ type: 'tool-call-end', index })
  } else {
    let block = state.block!
    if (state.json) {
      try {
        block = { ...block, input: JSON.parse(state.json) }
      } catch {
        // cut short: keep the input the block started with
      }
    }
    out.push({ type: 'provider-block', index, provider: 'anthropic', block })
  }
}
