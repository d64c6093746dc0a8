import { expect, test } from 'bun:test'
import { GatewayError } from '../../errors/gateway-error'
import { convertOpenAIResponsesContentPart } from './convert-openai-responses-content-part'

test('text parts keep their wire fields; empty text keeps none; refusals are marked', () => {
  expect(convertOpenAIResponsesContentPart({ type: 'input_text', text: 'hi', prompt_cache_breakpoint: { mode: 'explicit' } }, 'p')).toEqual({
    type: 'text',
    text: 'hi',
    providerData: { 'openai-responses': { type: 'input_text', prompt_cache_breakpoint: { mode: 'explicit' } } },
  })
  expect(convertOpenAIResponsesContentPart({ type: 'output_text', text: '' }, 'p')).toEqual({ type: 'text', text: '' })
  expect(convertOpenAIResponsesContentPart({ type: 'refusal', refusal: '' }, 'p')).toEqual({ type: 'text', text: '', providerData: { 'openai-responses': { type: 'refusal' } } })
})

test('images by URL, data URL or file id; null fields are kept for the way back', () => {
  expect(convertOpenAIResponsesContentPart({ type: 'input_image', image_url: null, file_id: 'file-1', detail: 'low' }, 'p')).toEqual({
    type: 'image',
    source: { kind: 'file-id', fileId: 'file-1' },
    detail: 'low',
    providerData: { 'openai-responses': { image_url: null } },
  })
  expect(convertOpenAIResponsesContentPart({ type: 'input_image', image_url: 'data:image/webp;base64,UklG' }, 'p')).toEqual({ type: 'image', source: { kind: 'base64', mediaType: 'image/webp', data: 'UklG' } })
  expect(() => convertOpenAIResponsesContentPart({ type: 'input_image', image_url: 'ftp://x' }, 'input[0].content[1]')).toThrow(GatewayError)
})

test('files by URL; file_data must be a data URL', () => {
  expect(convertOpenAIResponsesContentPart({ type: 'input_file', file_url: 'https://x/a.pdf', filename: 'a.pdf' }, 'p')).toEqual({ type: 'file', source: { kind: 'url', url: 'https://x/a.pdf' }, filename: 'a.pdf' })
  try {
    convertOpenAIResponsesContentPart({ type: 'input_file', file_data: 'JVBERi0=' }, 'input[0].content[0]')
    throw new Error('expected a 400')
  } catch (error) {
    expect([(error as GatewayError).status, (error as GatewayError).param]).toEqual([400, 'input[0].content[0].file_data'])
  }
})
