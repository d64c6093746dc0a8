import { GatewayError, replaceResponseBody } from '@tollgate/core'

/**
 * Read a JSON answer whole inside the attempt (so the attempt timeout covers it and a broken
 * body can still be retried elsewhere) and hand core an identical copy.
 */
export async function readJsonResponse(response: Response, provider: string): Promise<Response> {
  let text: string
  try {
    text = await response.text()
  } catch {
    throw new GatewayError({ status: 502, type: 'upstream_error', code: 'upstream_connection_error', message: `The connection to provider '${provider}' failed while reading its answer` })
  }
  try {
    JSON.parse(text)
  } catch {
    throw new GatewayError({ status: 502, type: 'upstream_error', code: 'upstream_malformed_response', message: `Provider '${provider}' returned a response that is not valid JSON` })
  }
  return replaceResponseBody(response, text)
}
