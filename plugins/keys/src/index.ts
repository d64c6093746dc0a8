import { keys } from './keys-plugin'

export { keys, type KeysOptions } from './keys-plugin'
export { seedKeys, type SeedKeysOptions, type SeededKeys } from './seed-keys'
export { generateApiKey, hashApiKey, KEY_PREFIXES, type GeneratedApiKey } from './api-key-format'
export { SCOPES, DEFAULT_PRIVATE_SCOPES, PUBLIC_SCOPES, type Scope } from './scopes'
export type { KeyInput } from './read-key-input'
export type { AccountInput } from './read-account-input'
/** For other plugins' commands that change accounts or keys (drop cached copies on every instance). */
export { publishInvalidation, INVALIDATION_CHANNEL, type Invalidation } from './invalidation-channel'
/** Zero config (`bun run start` with no plugins configured) enables `keys()` through this default export. */
export default keys
