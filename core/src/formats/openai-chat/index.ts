export type * from './openai-chat-types'
export * from './convert-openai-chat-usage'
export * from './map-openai-chat-finish-reason'
export * from './convert-openai-chat-reasoning'
