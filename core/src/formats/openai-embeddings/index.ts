export * from './float32-base64'
