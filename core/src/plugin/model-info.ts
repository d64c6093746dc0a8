/** One entry of a provider's model catalogue. */
export interface ModelInfo {
  id: string
  type?: 'chat' | 'completion' | 'embedding'
  contextWindow?: number
  maxOutputTokens?: number
  /** Filled into requests whose dialect requires a max (Anthropic) when the client gave none. */
  defaultMaxTokens?: number
  capabilities?: Array<'tools' | 'vision' | 'reasoning' | 'json_schema' | 'audio' | 'pdf'>
}
