import { Type, type TObject, type TProperties } from '@sinclair/typebox'

/**
 * Every object is open: unknown fields must reach a Gemini upstream (Elysia would strip them), and
 * the API accepts snake_case field names too (`system_instruction`, `generation_config`, ...).
 */
const open = <T extends TProperties>(properties: T, description?: string): TObject<T> =>
  Type.Object(properties, { additionalProperties: true, ...(description && { description }) })

const part = open({}, 'A part: text (thought), inlineData, fileData, functionCall, functionResponse, executableCode, ... with an optional thoughtSignature')
const content = open({ role: Type.Optional(Type.String({ description: "'user' or 'model'" })), parts: Type.Optional(Type.Array(part)) })
const usageMetadata = open({
  promptTokenCount: Type.Optional(Type.Integer()),
  cachedContentTokenCount: Type.Optional(Type.Integer()),
  candidatesTokenCount: Type.Optional(Type.Integer()),
  thoughtsTokenCount: Type.Optional(Type.Integer()),
  toolUsePromptTokenCount: Type.Optional(Type.Integer()),
  totalTokenCount: Type.Optional(Type.Integer()),
})

/** Request body of `POST /v1beta/models/{model}:generateContent` and `:streamGenerateContent` (validation + OpenAPI). */
export const GeminiGenerateContentRequestSchema = open(
  {
    contents: Type.Array(content, { minItems: 1 }),
    systemInstruction: Type.Optional(Type.Union([content, Type.String()])),
    tools: Type.Optional(Type.Array(open({}, 'functionDeclarations, or a built-in tool (googleSearch, codeExecution, urlContext, ...)'))),
    toolConfig: Type.Optional(open({ functionCallingConfig: Type.Optional(open({ mode: Type.Optional(Type.String()), allowedFunctionNames: Type.Optional(Type.Array(Type.String())) })) })),
    generationConfig: Type.Optional(
      open({
        temperature: Type.Optional(Type.Number()),
        topP: Type.Optional(Type.Number()),
        topK: Type.Optional(Type.Number()),
        maxOutputTokens: Type.Optional(Type.Integer()),
        stopSequences: Type.Optional(Type.Array(Type.String())),
        responseMimeType: Type.Optional(Type.String()),
        responseSchema: Type.Optional(open({})),
        responseJsonSchema: Type.Optional(open({})),
        thinkingConfig: Type.Optional(open({ thinkingBudget: Type.Optional(Type.Integer()), includeThoughts: Type.Optional(Type.Boolean()), thinkingLevel: Type.Optional(Type.String()) })),
      }),
    ),
    safetySettings: Type.Optional(Type.Array(open({}))),
    cachedContent: Type.Optional(Type.String()),
  },
  'Gemini GenerateContentRequest (the model and the method are in the URL); fields not listed pass through to Gemini upstreams',
)

/** `GenerateContentResponse` (loose; for docs). Also each element / SSE event of a streamed answer. */
export const GeminiGenerateContentResponseSchema = open(
  {
    candidates: Type.Optional(Type.Array(open({ content: Type.Optional(content), finishReason: Type.Optional(Type.String()), index: Type.Optional(Type.Integer()) }))),
    promptFeedback: Type.Optional(open({ blockReason: Type.Optional(Type.String()) })),
    usageMetadata: Type.Optional(usageMetadata),
    modelVersion: Type.Optional(Type.String()),
    responseId: Type.Optional(Type.String()),
  },
  'Gemini GenerateContentResponse',
)

/** Error body `{error: {code, message, status, details?}}` (for docs). */
export const GeminiErrorSchema = open(
  {
    error: open({ code: Type.Integer(), message: Type.String(), status: Type.String(), details: Type.Optional(Type.Array(open({}))) }),
  },
  'Google API error',
)
