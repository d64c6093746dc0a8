import { GatewayError, type AccountChanges, type AccountStatus } from '@tollgate/core'
import { positive } from './read-key-input'

/** The body of `POST /admin/accounts` and `PATCH /admin/accounts/{id}`: null clears a limit. */
export interface AccountInput {
  name?: string
  plan?: string
  status?: AccountStatus
  rpm?: number | null
  tpm?: number | null
  max_concurrency?: number | null
}

const invalid = (param: string, message: string) => new GatewayError({ status: 400, param, code: 'invalid_request', message })

/** Check account fields and turn them into store changes (only the fields given). */
export function readAccountInput(input: AccountInput, options: { creating: boolean }): AccountChanges {
  const changes: AccountChanges = {}
  if (input.name !== undefined || options.creating) {
    const name = input.name?.trim()
    if (!name || name.length > 200) throw invalid('name', "'name' must be 1 to 200 characters")
    changes.name = name
  }
  if (input.plan !== undefined) {
    const plan = input.plan.trim()
    if (!/^[\w.-]{1,64}$/.test(plan)) throw invalid('plan', "'plan' must be 1 to 64 letters, digits, '_', '-' or '.'")
    changes.plan = plan
  }
  if (input.status !== undefined) {
    if (input.status !== 'active' && input.status !== 'suspended') throw invalid('status', "'status' must be 'active' or 'suspended'")
    changes.status = input.status
  }
  if (input.rpm !== undefined) changes.rpm = positive(input.rpm, 'rpm')
  if (input.tpm !== undefined) changes.tpm = positive(input.tpm, 'tpm')
  if (input.max_concurrency !== undefined) changes.maxConcurrency = positive(input.max_concurrency, 'max_concurrency')
  return changes
}
