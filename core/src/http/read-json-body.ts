import { GatewayError } from '../errors/gateway-error'

/**
 * Body parser for every JSON route: refuses a wrong Content-Type (415) and oversize bodies (413)
 * before reading further, and names the problem in malformed JSON (400).
 */
export async function readJsonBody(request: Request, contentType: string | undefined, maxBytes: number): Promise<unknown> {
  if (!contentType || !/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new GatewayError({
      status: 415,
      code: 'unsupported_media_type',
      message: `Request bodies must be JSON: send the header "Content-Type: application/json"${contentType ? ` (got "${contentType}")` : ''}`,
    })
  }
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > maxBytes) throw tooLarge(maxBytes)
  // Bodies without Content-Length (chunked) are bounded by the server's own byte limit as well.
  const text = await request.text()
  if (text.length > maxBytes) throw tooLarge(maxBytes)
  bodyLengths.set(request, text.length)
  if (text.length === 0) throw new GatewayError({ status: 400, code: 'invalid_json', message: 'The request body is empty; a JSON object is required' })
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new GatewayError({ status: 400, code: 'invalid_json', message: `The request body is not valid JSON: ${(error as Error).message}` })
  }
}

const bodyLengths = new WeakMap<Request, number>()

/** Characters of the JSON body the parser read for this request (0 before parsing). */
export function bodyLength(request: Request): number {
  return bodyLengths.get(request) ?? 0
}

const tooLarge = (maxBytes: number) =>
  new GatewayError({ status: 413, code: 'request_too_large', message: `The request body exceeds the limit of ${maxBytes} bytes` })
