import { expect, test } from 'bun:test'
import { convertToOpenAIResponsesContentPart, convertToOpenAIResponsesTextPart } from './convert-to-openai-responses-content-part'

test('canonical parts of any dialect -> Responses input parts', () => {
  const parts = [
    convertToOpenAIResponsesContentPart({ type: 'image', source: { kind: 'file-id', fileId: 'file-1' }, detail: 'high' }, 'p'),
    convertToOpenAIResponsesContentPart({ type: 'file', source: { kind: 'base64', mediaType: 'application/pdf', data: 'JVBERi0=' }, filename: 'report.pdf' }, 'p'),
    convertToOpenAIResponsesContentPart({ type: 'file', source: { kind: 'file-id', fileId: 'file-2' } }, 'p'),
    convertToOpenAIResponsesContentPart({ type: 'file', source: { kind: 'url', url: 'https://x/a.pdf' } }, 'p'),
    convertToOpenAIResponsesContentPart({ type: 'audio', data: 'UklGRg==', format: 'wav' }, 'p'),
  ]
  expect(parts).toEqual([
    { type: 'input_image', file_id: 'file-1', detail: 'high' },
    { type: 'input_file', file_data: 'data:application/pdf;base64,JVBERi0=', filename: 'report.pdf' },
    { type: 'input_file', file_id: 'file-2' },
    { type: 'input_file', file_url: 'https://x/a.pdf' },
    { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
  ])
})

test('text parts: wire fields come back; refusals marked by either OpenAI dialect become refusal parts', () => {
  expect(convertToOpenAIResponsesTextPart({ type: 'text', text: 'Hi', providerData: { 'openai-responses': { type: 'output_text', annotations: [] } } }, 'input_text')).toEqual({ type: 'output_text', text: 'Hi', annotations: [] })
  expect(convertToOpenAIResponsesTextPart({ type: 'text', text: 'No.', providerData: { 'openai-chat': { type: 'refusal' } } }, 'output_text')).toEqual({ type: 'refusal', refusal: 'No.' })
  expect(convertToOpenAIResponsesTextPart({ type: 'text', text: 'Hi' }, 'output_text')).toEqual({ type: 'output_text', text: 'Hi' })
})
