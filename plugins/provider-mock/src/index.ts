export { mock, mockProvider } from './mock-provider'
export type { MockOptions } from './create-mock-fetch'
export { generateMockResponse } from './generate-mock-response'
