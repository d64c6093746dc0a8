export * from './fake-upstream'
export * from './read-stream-events'
export * from './check-stream-shape'
export * from './provider-contract'
