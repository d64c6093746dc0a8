const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * `extra.gemini` (what a Gemini client sent that has no canonical form) merged into the converted
 * body, last and verbatim. Gemini bodies nest (generationConfig.responseModalities,
 * toolConfig.functionCallingConfig.allowedFunctionNames, systemInstruction.role), so objects merge
 * deeply; `tools` appends the client's built-in tools (googleSearch, ...) after the function
 * declarations; anything else is set as sent. Mutates and returns `body`.
 */
export function mergeGeminiExtra(body: Record<string, unknown>, extra: Record<string, unknown> | undefined, topLevel = true): Record<string, unknown> {
  for (const key in extra) {
    const ours = body[key]
    const theirs = extra[key]
    if (topLevel && key === 'tools' && Array.isArray(ours) && Array.isArray(theirs)) body[key] = [...ours, ...theirs]
    else if (isRecord(ours) && isRecord(theirs)) body[key] = mergeGeminiExtra({ ...ours }, theirs, false)
    else body[key] = theirs
  }
  return body
}
