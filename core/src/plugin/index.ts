export * from './provider-spec'
export * from './gateway-plugin'
export type * from './model-info'
export type * from './dialect'
