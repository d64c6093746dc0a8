/**
 * Minimal, tolerant types of the Google Gemini wire format (`models/{model}:generateContent` and
 * `:streamGenerateContent`, API version v1beta). Field names are the camelCase JSON names; the API
 * also accepts the proto snake_case names on input (see normalizeGeminiKeys). Only the fields the
 * gateway reads or writes are named; everything else is allowed through.
 */

export interface GeminiFunctionCall {
  id?: string
  name?: string
  args?: Record<string, unknown>
  /** Vertex AI `streamFunctionCallArguments`: the call continues in later chunks. */
  willContinue?: boolean
  partialArgs?: GeminiPartialArgument[]
  [key: string]: unknown
}

/** One streamed argument fragment (Vertex AI): a JSON path and a piece of its value. */
export interface GeminiPartialArgument {
  jsonPath?: string
  stringValue?: string
  numberValue?: number
  boolValue?: boolean
  nullValue?: unknown
  willContinue?: boolean
}

export interface GeminiFunctionResponse {
  id?: string
  name: string
  response?: Record<string, unknown>
  [key: string]: unknown
}

export interface GeminiPart {
  text?: string
  /** The part is a thought (summary) when true. */
  thought?: boolean
  /** Opaque reasoning state (base64); may sit on any part. */
  thoughtSignature?: string
  inlineData?: { mimeType?: string; data?: string; [key: string]: unknown }
  fileData?: { mimeType?: string; fileUri?: string; [key: string]: unknown }
  functionCall?: GeminiFunctionCall
  functionResponse?: GeminiFunctionResponse
  executableCode?: Record<string, unknown>
  codeExecutionResult?: Record<string, unknown>
  [key: string]: unknown
}

export interface GeminiContent {
  role?: string
  parts?: GeminiPart[]
  [key: string]: unknown
}

export interface GeminiFunctionDeclaration {
  name: string
  description?: string
  /** OpenAPI-subset Schema (types may be upper case: OBJECT, STRING, ...). */
  parameters?: Record<string, unknown>
  /** Full JSON Schema. */
  parametersJsonSchema?: Record<string, unknown>
  [key: string]: unknown
}

export interface GeminiTool {
  functionDeclarations?: GeminiFunctionDeclaration[]
  [key: string]: unknown
}

export interface GeminiThinkingConfig {
  thinkingBudget?: number
  includeThoughts?: boolean
  thinkingLevel?: string
  [key: string]: unknown
}

export interface GeminiGenerationConfig {
  temperature?: number
  topP?: number
  topK?: number
  maxOutputTokens?: number
  stopSequences?: string[]
  candidateCount?: number
  seed?: number
  presencePenalty?: number
  frequencyPenalty?: number
  responseMimeType?: string
  responseSchema?: Record<string, unknown>
  responseJsonSchema?: Record<string, unknown>
  thinkingConfig?: GeminiThinkingConfig
  [key: string]: unknown
}

export interface GeminiGenerateContentRequest {
  contents: GeminiContent[]
  systemInstruction?: GeminiContent
  tools?: GeminiTool[]
  toolConfig?: { functionCallingConfig?: { mode?: string; allowedFunctionNames?: string[] }; [key: string]: unknown }
  generationConfig?: GeminiGenerationConfig
  safetySettings?: unknown[]
  [key: string]: unknown
}

export interface GeminiUsageMetadata {
  /** Prompt tokens, including cached ones. */
  promptTokenCount?: number
  cachedContentTokenCount?: number
  /** Output tokens of the answer (thoughts are counted apart). */
  candidatesTokenCount?: number
  /** Tokens of tool results fed back to the model (e.g. Google Search), an input cost. */
  toolUsePromptTokenCount?: number
  thoughtsTokenCount?: number
  totalTokenCount?: number
  [key: string]: unknown
}

export interface GeminiCandidate {
  content?: GeminiContent
  finishReason?: string
  index?: number
  [key: string]: unknown
}

export interface GeminiGenerateContentResponse {
  candidates?: GeminiCandidate[]
  promptFeedback?: { blockReason?: string; [key: string]: unknown }
  usageMetadata?: GeminiUsageMetadata
  modelVersion?: string
  responseId?: string
  [key: string]: unknown
}

export interface GeminiErrorObject {
  code: number
  message: string
  /** google.rpc.Code name: INVALID_ARGUMENT, RESOURCE_EXHAUSTED, ... */
  status: string
  details?: Array<Record<string, unknown>>
}

export interface GeminiErrorBody {
  error: GeminiErrorObject
}

/**
 * What a Gemini answer keeps in `CanonicalResponse.providerData.gemini` so the Gemini dialect can
 * render it back as it came: the candidate's other fields (index, safetyRatings, groundingMetadata,
 * citationMetadata, finishMessage, ...), promptFeedback, the usage fields that are not recomputed
 * from canonical usage (token details, serviceTier, and toolUsePromptTokenCount, folded into input),
 * and other top-level fields (createTime on Vertex, ...).
 */
export interface GeminiResponseProviderData {
  candidate?: Record<string, unknown>
  promptFeedback?: Record<string, unknown>
  usageMetadata?: Record<string, unknown>
  [key: string]: unknown
}
