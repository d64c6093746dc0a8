/**
 * The conformance matrix: every inbound dialect × provider × mode × feature, and the few cells
 * that are not served exactly (with the reason). The test file generates one test per cell;
 * `bun run matrix` renders the same table into the README.
 */
export const dialects = ['openai-chat', 'openai-responses', 'anthropic-messages', 'gemini'] as const
export const providers = ['openai', 'anthropic', 'gemini'] as const
export const modes = ['json', 'stream'] as const
export const features = ['text', 'tools', 'image', 'json-schema', 'reasoning'] as const

export type InboundDialect = (typeof dialects)[number]
export type ProviderId = (typeof providers)[number]
export type Mode = (typeof modes)[number]
export type Feature = (typeof features)[number]

export const dialectLabels: Record<InboundDialect, string> = {
  'openai-chat': 'OpenAI Chat',
  'openai-responses': 'OpenAI Responses',
  'anthropic-messages': 'Anthropic Messages',
  gemini: 'Gemini',
}
export const providerLabels: Record<ProviderId, string> = { openai: 'OpenAI', anthropic: 'Anthropic', gemini: 'Gemini' }
export const featureLabels: Record<Feature, string> = {
  text: 'text',
  tools: 'tool round trip',
  image: 'image input',
  'json-schema': 'json_schema output',
  reasoning: 'reasoning round trip',
}

export interface Cell {
  dialect: InboundDialect
  provider: ProviderId
  mode: Mode
  feature: Feature
}

/**
 * How a cell is served. `approximate`: it works, but something is mapped approximately (`how`);
 * when the gateway reports it, `warning` is the param named in `x-tollgate-warnings`; when the
 * client's dialect cannot hold the provider's reasoning state, `lostReasoning` says what goes back
 * in its place (the placeholder, or nothing).
 * `unsupported`: the gateway refuses it (`why`) with a 400 naming `param`.
 */
export type Support =
  | { status: 'supported' }
  | { status: 'approximate'; how: string; warning?: string; lostReasoning?: { placeholder?: string } }
  | { status: 'unsupported'; why: string; param: string }

interface Exception {
  /** The cells it applies to: each given dimension must match (one value or any of a list). */
  match: { [K in keyof Cell]?: Cell[K] | Array<Cell[K]> }
  support: Exclude<Support, { status: 'supported' }>
}

/** Cells that are not plain ✅, first match wins. Every other cell must be served exactly. */
export const exceptions: Exception[] = [
  {
    match: { provider: 'openai', feature: 'reasoning', dialect: 'openai-chat' },
    support: {
      status: 'approximate',
      how: 'the OpenAI provider serves Chat clients through Chat Completions, which returns no reasoning text or state (only a reasoning-token count): `reasoning_effort` reaches OpenAI, nothing comes back to replay (Responses clients get the encrypted reasoning)',
    },
  },
  {
    match: { provider: 'openai', feature: 'reasoning', dialect: ['anthropic-messages', 'gemini'] },
    support: {
      status: 'approximate',
      how: 'the thinking budget (`thinking.budget_tokens`, `thinkingConfig.thinkingBudget`) is sent as the nearest `reasoning_effort`; Chat Completions returns no reasoning text or state, so there is nothing to show or send back',
      warning: 'reasoning.budget_tokens',
    },
  },
  {
    match: { provider: 'gemini', feature: 'reasoning', mode: 'stream', dialect: ['openai-chat', 'openai-responses'] },
    support: {
      status: 'approximate',
      how: 'Gemini 2.5 (this recording) takes a thinking budget, not an effort: `low` is sent as `thinkingBudget: 1024` (Gemini 3 takes `thinkingLevel`: the JSON cell is exact); the thought signature round-trips',
      warning: 'reasoning_effort',
    },
  },
  {
    match: { provider: 'gemini', feature: 'tools', dialect: 'anthropic-messages' },
    support: {
      status: 'approximate',
      how: "Anthropic clients get no carrier for Gemini 3's thought signature (another provider's reasoning reaches them only as readable `thinking` with `signature: ''`): the calls go back with Google's documented `skip_thought_signature_validator` placeholder; results paired, ids kept",
      warning: 'messages',
      lostReasoning: { placeholder: 'skip_thought_signature_validator' },
    },
  },
  {
    match: { provider: 'gemini', feature: 'reasoning', dialect: 'anthropic-messages' },
    support: {
      status: 'approximate',
      how: "thoughts show as `thinking` blocks with `signature: ''` (readable, not verifiable); the thought signature has no carrier in the Anthropic dialect, so it does not go back (Gemini does not require it on text)",
      lostReasoning: {},
    },
  },
]

export function supportOf(cell: Cell): Support {
  const found = exceptions.find(({ match }) =>
    (Object.keys(match) as Array<keyof Cell>).every((key) => {
      const wanted = match[key]
      return Array.isArray(wanted) ? (wanted as string[]).includes(cell[key]) : wanted === cell[key]
    }),
  )
  return found?.support ?? { status: 'supported' }
}

export function allCells(): Cell[] {
  return dialects.flatMap((dialect) => providers.flatMap((provider) => features.flatMap((feature) => modes.map((mode) => ({ dialect, provider, mode, feature })))))
}

export function cellName(cell: Cell): string {
  return `${dialectLabels[cell.dialect]} → ${providerLabels[cell.provider]} · ${cell.mode} · ${featureLabels[cell.feature]}`
}

/** The test name of a cell (the matrix script maps test results back by it). */
export function testName(cell: Cell): string {
  const support = supportOf(cell)
  return support.status === 'supported' ? cellName(cell) : `${cellName(cell)} [${support.status}]`
}
