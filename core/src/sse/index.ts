export * from './sse-parser'
export * from './encode-sse'
