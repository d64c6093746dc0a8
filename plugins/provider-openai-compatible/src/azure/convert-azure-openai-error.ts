import type { GatewayErrorInit } from '@tollgate/core'
import { convertOpenAIError } from '@tollgate/provider-openai'

type FilterResult = { filtered?: boolean; severity?: string; detected?: boolean }

/** `{ sexual: { filtered: true, severity: 'high' }, jailbreak: { filtered: true, detected: true } }` -> `sexual: high, jailbreak: detected`. */
function describeFilterResult(result: unknown): string {
  if (typeof result !== 'object' || result === null) return ''
  return Object.entries(result as Record<string, FilterResult>)
    .filter(([, category]) => category?.filtered === true)
    .map(([name, category]) => `${name.replace(/_/g, ' ')}: ${category.severity ?? (category.detected ? 'detected' : 'filtered')}`)
    .join(', ')
}

/**
 * An Azure OpenAI error -> the gateway's error. Azure's content filter (HTTP 400, `code:
 * content_filter`, the categories in `innererror.content_filter_result`) becomes a clear 400
 * `content_filter` naming what was filtered; an unknown deployment (`DeploymentNotFound`) is a 404
 * `model_not_found` like an unknown model. Everything else follows the OpenAI mapping (Azure uses
 * the same envelope).
 */
export function convertAzureOpenAIError(status: number, body: unknown, headers: Headers): GatewayErrorInit {
  const error = (body as { error?: Record<string, any> } | undefined)?.error
  if (status === 400 && error?.code === 'content_filter') {
    const param = typeof error.param === 'string' ? error.param : 'prompt'
    const categories = describeFilterResult(error.innererror?.content_filter_result)
    const what = param === 'prompt' ? 'the prompt' : 'the request'
    return {
      status: 400,
      type: 'invalid_request_error',
      code: 'content_filter',
      param,
      message: `Azure OpenAI's content filter blocked ${what}${categories ? ` (${categories})` : ''}. Change ${what} and retry.`,
    }
  }
  if (status === 404 && error?.code === 'DeploymentNotFound') {
    return { status: 404, type: 'not_found_error', code: 'model_not_found', message: typeof error.message === 'string' ? error.message : 'The Azure OpenAI deployment does not exist' }
  }
  return convertOpenAIError(status, body, headers)
}
