import type { ClientRequestOptions } from '../load/build-client-request'
import { modelWithDirectives, type MockDirectives } from '../servers/read-mock-directives'
import type { ServerRole } from './bench-servers'

export type RequestShape = Omit<ClientRequestOptions, 'apiKey'>

/** One thing measured in a scenario: a server under test and the requests sent to it. */
export interface Variant {
  id: string
  label: string
  server: ServerRole
  /** Sent round-robin. */
  requests: RequestShape[]
  /** Variant id (same scenario) this one is compared with. */
  baseline?: string
  /**
   * Send the requests with this many of the server's seeded keys (round-robin; a fresh slice
   * each round, warm-up on the measured key), so each key's first use in the measured window
   * is a key-cache miss. Default: the server's measured key only.
   */
  spreadKeys?: number
}

const OPENAI_MODEL = 'openai/gpt-4o-mini'
const ANTHROPIC_MODEL = 'anthropic/claude-haiku-4-5'

/**
 * Request shapes. Every target gets identical bytes: the mock and the proxy ignore the
 * `provider/` prefix and the key; pacing rides in the model name because a gateway forwards the
 * model but not arbitrary headers.
 */
export const requestShapes = {
  openAIChat: (stream: boolean, directives: Partial<MockDirectives> = {}): RequestShape => ({ dialect: 'openai-chat', stream, model: modelWithDirectives(OPENAI_MODEL, directives) }),
  anthropicMessages: (stream: boolean, model: 'openai' | 'anthropic' = 'openai'): RequestShape => ({
    dialect: 'anthropic-messages',
    stream,
    model: model === 'openai' ? OPENAI_MODEL : ANTHROPIC_MODEL,
  }),
  openAIChatToAnthropic: (stream: boolean): RequestShape => ({ dialect: 'openai-chat', stream, model: ANTHROPIC_MODEL }),
}

/** The three servers answering the same requests: the usual line-up of a comparison. */
export function directProxyTollgate(requests: RequestShape[], baseline: 'direct' | 'proxy'): Variant[] {
  return [
    { id: 'direct', label: 'direct to mock upstream', server: 'direct', requests },
    { id: 'proxy', label: 'minimal proxy', server: 'proxy', requests, baseline: baseline === 'direct' ? 'direct' : undefined },
    { id: 'tollgate', label: 'Tollgate, full pipeline', server: 'tollgate', requests, baseline },
  ]
}

/** Core alone (no platform plugins, master key): beside the full pipeline, it shows what the plugins cost. */
export function bareTollgate(requests: RequestShape[], baseline: 'direct' | 'proxy'): Variant {
  return { id: 'tollgate-bare', label: 'Tollgate without plugins (master key)', server: 'tollgate-bare', requests, baseline }
}
