import { GatewayError } from '../../errors/gateway-error'

/** Small validators for client bodies: each throws a 400 naming the offending `param`. */

export function fail(message: string, param: string): never {
  throw new GatewayError({ status: 400, message, param })
}

export function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function readObject(value: unknown, param: string): Record<string, any> {
  return isObject(value) ? value : fail(`'${param}' must be an object`, param)
}

export function readString(value: unknown, param: string): string {
  return typeof value === 'string' ? value : fail(`'${param}' must be a string`, param)
}

export function readArray(value: unknown, param: string): unknown[] {
  return Array.isArray(value) ? value : fail(`'${param}' must be an array`, param)
}

/** `undefined` and `null` mean "not given". */
export function readOptionalNumber(value: unknown, param: string, integer = false): number | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(`'${param}' must be a number`, param)
  if (integer && !Number.isInteger(value)) fail(`'${param}' must be an integer`, param)
  return value
}

export function readOptionalBoolean(value: unknown, param: string): boolean | undefined {
  if (value === undefined || value === null) return undefined
  return typeof value === 'boolean' ? value : fail(`'${param}' must be a boolean`, param)
}

export function readOptionalString(value: unknown, param: string): string | undefined {
  if (value === undefined || value === null) return undefined
  return readString(value, param)
}

/** The fields of `object` not in `known`, or undefined when there are none. */
export function unknownFields(object: Record<string, unknown>, known: ReadonlySet<string>): Record<string, unknown> | undefined {
  let extra: Record<string, unknown> | undefined
  for (const key in object) {
    if (known.has(key)) continue
    extra ??= {}
    extra[key] = object[key]
  }
  return extra
}
