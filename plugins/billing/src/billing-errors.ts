import { GatewayError, microsToUsd } from '@tollgate/core'

const usd = (micros: number) => `$${microsToUsd(micros).toFixed(6).replace(/0{1,4}$/, '')}`

/** 402 `insufficient_balance`: the account cannot cover the request's worst case. */
export function insufficientBalance(amountMicros: number, minimumMicros: number): GatewayError {
  const minimum = minimumMicros > 0 ? ` plus the plan's minimum balance of ${usd(minimumMicros)}` : ''
  const cause = amountMicros > 0 ? `this request may cost up to ${usd(amountMicros)} (its input and max_tokens at the model's prices)${minimum}` : `this model needs a balance above ${usd(minimumMicros)}`
  return new GatewayError({ status: 402, code: 'insufficient_balance', message: `Insufficient balance: ${cause}, and the account does not have that available. Top up the account, or lower max_tokens.` })
}

/** 402 `spend_limit_exceeded`: the key's own spend limit cannot cover the request's worst case. */
export function spendLimitExceeded(amountMicros: number, limitMicros: number | undefined): GatewayError {
  const limit = limitMicros === undefined ? '' : ` of ${usd(limitMicros)}`
  return new GatewayError({ status: 402, code: 'spend_limit_exceeded', message: `This key's spend limit${limit} does not cover this request (it may cost up to ${usd(amountMicros)}). Raise the key's spend_limit, or lower max_tokens.` })
}

/** 402 `model_not_priced`: no price is configured for the model, so it cannot be billed. */
export function modelNotPriced(model: string): GatewayError {
  return new GatewayError({ status: 402, param: 'model', code: 'model_not_priced', message: `The model '${model}' has no price on this gateway, so it cannot be billed; ask the operator to add one` })
}
