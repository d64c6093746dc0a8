import { rateLimits } from './ratelimit-plugin'

export { rateLimits } from './ratelimit-plugin'
export type { RateLimitOptions, PlanLimits, LimitValues, RedisFailurePolicy, Clock } from './ratelimit-options'
export type { RateLimitRecord } from './rate-limit-record'
export type { RateLimitStore, BucketCheck, BucketState, Reservation, Settlement } from './rate-limit-store'
export { createMemoryRateLimitStore } from './memory-rate-limit-store'
export { createRedisRateLimitStore } from './redis-rate-limit-store'
export { PlansSchema, PlanLimitsSchema, LimitValuesSchema } from './ratelimit-config-schema'
export { formatDuration } from './format-duration'
export { RateLimitsSchema } from './rate-limits-admin-route'
/** Zero config (`bun run start` with no plugins configured) enables `rateLimits()` through this default export. */
export default rateLimits
