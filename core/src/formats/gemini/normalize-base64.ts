const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

/**
 * Standard, padded base64. The Gemini API accepts bytes fields (inlineData.data, thoughtSignature)
 * url-safe encoded too, and the google-genai SDKs send them that way (`-` and `_`); other providers
 * (and data: URLs) want the standard alphabet. Both decode to the same bytes. Text that is not
 * base64 is returned unchanged.
 */
export function normalizeBase64(text: string): string {
  let standard = text
  if (!BASE64.test(text)) {
    if (!BASE64URL.test(text)) return text
    standard = text.replace(/-/g, '+').replace(/_/g, '/')
  }
  const unpadded = standard.replace(/=+$/, '')
  return unpadded + '='.repeat((4 - (unpadded.length % 4)) % 4)
}
