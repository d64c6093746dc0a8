import { GatewayError, GEMINI_WIRE, type CanonicalRequest, type ConversionContext, type ConvertedRequest, type ToolChoice, type ToolDefinition, type Warning } from '@tollgate/core'
import { convertToGeminiContents } from './convert-to-gemini-contents'
import { convertToGeminiGenerationConfig } from './convert-to-gemini-generation-config'
import { mergeGeminiExtra } from './merge-gemini-extra'
import { originalGeminiSchema } from './original-gemini-schema'

/** `/v1beta/models/{model}:generateContent`, or `:streamGenerateContent?alt=sse` (the gateway always streams SSE). */
export function geminiModelPath(modelId: string, stream: boolean): string {
  const model = modelId.replace(/^models\//, '')
  return `/v1beta/models/${model}:${stream ? 'streamGenerateContent?alt=sse' : 'generateContent'}`
}

/**
 * A tool → function declaration: a Gemini client's own `parameters` schema when unchanged (null: it
 * had none), else the canonical JSON Schema as `parametersJsonSchema`.
 */
function toDeclaration(tool: ToolDefinition, index: number, warnings: Warning[]): Record<string, unknown> {
  const { parameters: original, ...rest } = (tool.providerData?.[GEMINI_WIRE] ?? {}) as Record<string, unknown>
  const declaration: Record<string, unknown> = { ...rest, name: tool.name, ...(tool.description !== undefined && { description: tool.description }) }
  const unchangedEmpty = original === null && JSON.stringify(tool.parameters) === '{"type":"object","properties":{}}'
  const schema = originalGeminiSchema(original, tool.parameters)
  if (schema) declaration.parameters = schema
  else if (!unchangedEmpty) declaration.parametersJsonSchema = tool.parameters
  if (tool.strict) warnings.push({ param: `tools.${index}.strict`, message: 'Gemini has no strict flag for function declarations; the schema is sent without it' })
  return declaration
}

function convertToolChoice(choice: ToolChoice): Record<string, unknown> {
  switch (choice.type) {
    case 'auto':
      return { mode: 'AUTO' }
    case 'none':
      return { mode: 'NONE' }
    case 'required':
      return { mode: 'ANY' }
    case 'tool':
      return { mode: 'ANY', allowedFunctionNames: [choice.name] }
  }
}

/**
 * Canonical request → Gemini `GenerateContentRequest` and its path (the model and the method are in
 * the URL; the body has no model). `extra.gemini` (a Gemini client's unmapped fields) is merged last.
 * n > 1 is refused (the gateway carries one candidate); parameters Gemini lacks are reported.
 */
export function convertToGeminiRequest(request: CanonicalRequest, context: ConversionContext): ConvertedRequest {
  if (request.choices !== undefined && request.choices > 1) {
    throw new GatewayError({ status: 400, param: 'n', message: 'Several candidates (n > 1) cannot be translated: the gateway carries one; it works only when a Gemini request passes through untouched' })
  }
  const warnings: Warning[] = []
  const { contents, system } = convertToGeminiContents(request, context.modelId, warnings)
  const body: Record<string, unknown> = { contents }
  if (system.length > 0) body.systemInstruction = { parts: system.map((part) => ({ ...part.providerData?.[GEMINI_WIRE], text: part.text })) }
  if (request.tools?.length) body.tools = [{ functionDeclarations: request.tools.map((tool, index) => toDeclaration(tool, index, warnings)) }]
  if (request.toolChoice) body.toolConfig = { functionCallingConfig: convertToolChoice(request.toolChoice) }
  if (request.parallelToolCalls === false) warnings.push({ param: 'parallel_tool_calls', message: 'Gemini cannot be told to call one tool at a time; ignored' })
  const generationConfig = convertToGeminiGenerationConfig(request, context.modelId, warnings)
  if (Object.keys(generationConfig).length > 0) body.generationConfig = generationConfig
  if (request.user !== undefined) warnings.push({ param: 'user', message: 'Gemini has no end-user field; not sent' })
  mergeGeminiExtra(body, request.extra[GEMINI_WIRE])
  return { body, path: geminiModelPath(context.modelId, request.stream), ...(warnings.length > 0 && { warnings }) }
}
