/**
 * Canonical content parts: the one vocabulary every dialect and provider converts to and from.
 * Provider-specific data that has no canonical home rides along in `providerData`, keyed by the
 * wire format that produced it (e.g. `{ anthropic: { cache_control: {...} } }`), so it survives a
 * round trip through a client of another dialect and comes back to the provider untouched.
 */
export type ProviderData = Record<string, Record<string, unknown>>

export interface TextPart {
  type: 'text'
  text: string
  providerData?: ProviderData
}

export type MediaSource =
  | { kind: 'url'; url: string }
  | { kind: 'base64'; mediaType: string; data: string }
  | { kind: 'file-id'; fileId: string }

export interface ImagePart {
  type: 'image'
  source: MediaSource
  /** OpenAI's `detail` hint: low | high | auto. */
  detail?: string
  providerData?: ProviderData
}

export interface AudioPart {
  type: 'audio'
  /** Base64 audio bytes. */
  data: string
  /** Container format, e.g. wav, mp3. */
  format: string
  providerData?: ProviderData
}

export interface FilePart {
  type: 'file'
  source: MediaSource
  /** e.g. application/pdf; may be absent for file ids. */
  mediaType?: string
  filename?: string
  /** Anthropic document title / context. */
  title?: string
  providerData?: ProviderData
}

/**
 * Model reasoning with its opaque state. `text` is the visible (possibly summarised) thinking;
 * `signature` is Anthropic's thinking signature; `redactedData` is Anthropic's redacted_thinking
 * payload; `encryptedContent` is OpenAI's encrypted reasoning item; `id` the provider's item id.
 * `provider` names the wire format that minted the opaque state: only that provider can verify it.
 */
export interface ReasoningPart {
  type: 'reasoning'
  text: string
  signature?: string
  redactedData?: string
  encryptedContent?: string
  id?: string
  provider?: string
  providerData?: ProviderData
}

export interface ToolCallPart {
  type: 'tool-call'
  id: string
  name: string
  /** The arguments as the JSON text the model produced (kept verbatim, never re-serialised). */
  arguments: string
  providerData?: ProviderData
}

export interface ToolResultPart {
  type: 'tool-result'
  toolCallId: string
  /** The tool's name when the dialect carries it (Gemini needs it; OpenAI does not send it). */
  name?: string
  content: string | Array<TextPart | ImagePart | FilePart | ProviderBlockPart>
  isError?: boolean
  providerData?: ProviderData
}

/**
 * A provider-native block with no canonical equivalent (Anthropic `server_tool_use`,
 * `web_search_tool_result`, `search_result`, ...), kept verbatim so the wire format that minted it
 * gets it back untouched. Dialects and providers of another wire format skip it.
 */
export interface ProviderBlockPart {
  type: 'provider-block'
  /** The wire format that produced it, named like `ReasoningPart.provider` (e.g. 'anthropic'). */
  provider: string
  /** The block exactly as that wire format carries it. */
  block: Record<string, unknown>
}

export type UserPart = TextPart | ImagePart | AudioPart | FilePart | ProviderBlockPart
export type AssistantPart = TextPart | ReasoningPart | ToolCallPart | ProviderBlockPart
export type ContentPart = UserPart | ReasoningPart | ToolCallPart | ToolResultPart
