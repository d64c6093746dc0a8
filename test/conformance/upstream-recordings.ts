import type { FakeReply } from '@tollgate/core/testing'
import type { Feature, InboundDialect, Mode, ProviderId } from './conformance-cases'
import type { Wire } from './recorded-answer'

export interface ToolSpec {
  name: string
  description: string
  parameters: Record<string, unknown>
}

export interface SchemaSpec {
  name: string
  schema: Record<string, unknown>
}

/** The real provider traffic one cell replays, and what the client asks for to get it. */
export interface Recording {
  /** The model the client names (as recorded). */
  model: string
  prompt: string
  /** Fixture files (under the provider package's `fixtures/`) the fake upstream answers with: first turn, then second turn. */
  turns: [string] | [string, string]
  /** Tools the client offers: the ones the recording calls, as recorded. */
  tools?: ToolSpec[]
  /** The JSON schema the client asks for (as recorded). */
  schema?: SchemaSpec
  /** Set when no recording of this exact shape exists and a neighbouring one stands in (the request shape is still asserted). */
  standIn?: string
}

const object = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({ type: 'object', properties, required, additionalProperties: false })

const openAIChatTools: ToolSpec[] = [
  { name: 'GetWeatherArgs', description: 'Weather in a city', parameters: object({ city: { type: 'string' }, country: { type: 'string' }, units: { type: 'string', enum: ['c', 'f'] } }) },
  { name: 'get_stock_price', description: 'Price of a stock', parameters: object({ ticker: { type: 'string' }, exchange: { type: 'string' } }) },
]
const getCapital: ToolSpec[] = [{ name: 'get_capital', description: '', parameters: object({ country: { type: 'string' } }) }]
const calculator: ToolSpec[] = [
  {
    name: 'calculator',
    description: 'A minimal calculator for basic arithmetic. Call it once per step.',
    parameters: object({ a: { type: 'number' }, b: { type: 'number' }, op: { type: 'string', enum: ['add', 'subtract', 'multiply', 'divide'] } }),
  },
]
const cityLocation = object({ city: { type: 'string' }, country: { type: 'string' } })
const noArguments = { type: 'object', properties: {}, additionalProperties: false }

/** One per provider wire format × feature × mode; the files are the recordings in /work/shared/fixtures (copied per package). */
export const recordings: Record<Wire, Record<Feature, Record<Mode, Recording>>> = {
  'openai-chat': {
    text: {
      json: { model: 'gpt-4o', prompt: "What's the weather like in SF?", turns: ['response-text.response.json'] },
      stream: { model: 'gpt-4o', prompt: "What's the weather like in SF?", turns: ['stream-text.sse'] },
    },
    tools: {
      json: { model: 'gpt-4o', prompt: 'Weather in Edinburgh and the AAPL price?', tools: openAIChatTools, turns: ['response-tool-calls-parallel.response.json', 'image-url-after-tool.response.json'] },
      stream: { model: 'gpt-4o', prompt: 'Weather in Edinburgh and the AAPL price?', tools: openAIChatTools, turns: ['stream-tool-calls-parallel.sse', 'stream-after-tool-result.sse'] },
    },
    image: {
      json: { model: 'gpt-4.1-nano', prompt: 'What is this vegetable?', turns: ['image-base64.response.json'] },
      stream: { model: 'gpt-4.1-nano', prompt: 'What is this vegetable?', turns: ['stream-text.sse'], standIn: 'no streamed image answer was recorded: a text stream answers' },
    },
    'json-schema': {
      json: { model: 'gpt-4o', prompt: "What's the weather like in SF?", schema: { name: 'Location', schema: object({ city: { type: 'string' }, temperature: { type: 'number' }, units: { type: 'string', enum: ['c', 'f'] } }) }, turns: ['response-structured-output-json-schema.response.json'] },
      stream: { model: 'gpt-4o', prompt: "What's the weather like in SF?", schema: { name: 'Location', schema: object({ city: { type: 'string' }, temperature: { type: 'number' }, units: { type: 'string', enum: ['c', 'f'] } }) }, turns: ['stream-structured-output-json-schema.sse'] },
    },
    reasoning: {
      json: { model: 'o3-mini', prompt: 'You are a potato.', turns: ['reasoning-o3-mini.response.json', 'response-text.response.json'] },
      stream: { model: 'o3-mini', prompt: 'You are a potato.', turns: ['stream-text.sse', 'stream-text.sse'], standIn: 'no streamed reasoning-model chat answer was recorded: a text stream answers' },
    },
  },
  'openai-responses': {
    text: {
      json: { model: 'gpt-5.5', prompt: 'Reply with exactly: pong', turns: ['responses/text.response.json'] },
      stream: { model: 'gpt-5.5', prompt: 'Say hello', turns: ['responses/stream-text.sse'] },
    },
    tools: {
      json: { model: 'gpt-4o', prompt: 'What is the capital of PotatoLand?', tools: getCapital, turns: ['responses/function-call.response.json', 'responses/function-call-output-followup.response.json'] },
      stream: { model: 'gpt-4o', prompt: 'What is the capital of France?', tools: getCapital, turns: ['responses/stream-function-call.sse', 'responses/stream-text-after-function-call-output.sse'] },
    },
    image: {
      json: { model: 'gpt-4o', prompt: 'hello', turns: ['responses/image-url-input.response.json'] },
      stream: { model: 'gpt-4o', prompt: 'hello', turns: ['responses/stream-text.sse'], standIn: 'no streamed image answer was recorded: a text stream answers' },
    },
    'json-schema': {
      json: { model: 'gpt-4o', prompt: 'What is the largest city in the user country?', schema: { name: 'CityLocation', schema: cityLocation }, turns: ['responses/structured-output-json-schema.response.json'] },
      stream: { model: 'gpt-4o', prompt: 'What is the largest city in Mexico?', schema: { name: 'CityLocation', schema: cityLocation }, turns: ['responses/stream-text.sse'], standIn: 'no streamed structured output was recorded: a text stream answers' },
    },
    reasoning: {
      json: { model: 'gpt-5.2', prompt: 'Write a factorial function, thinking step by step.', turns: ['responses/reasoning-summary.response.json', 'responses/text.response.json'] },
      stream: { model: 'gpt-5.1-codex-max', prompt: 'Compute ((12 + 7) * 3) * 10 step by step.', tools: calculator, turns: ['responses/stream-reasoning-encrypted-content.step1.sse', 'responses/stream-reasoning-encrypted-content.step4.sse'] },
    },
  },
  anthropic: {
    text: {
      json: { model: 'claude-sonnet-4-5', prompt: 'What is Python?', turns: ['cache-read.response.json'] },
      stream: { model: 'claude-haiku-4-5', prompt: 'Say hello', turns: ['stream-text.sse'] },
    },
    tools: {
      json: {
        model: 'claude-haiku-4-5',
        prompt: 'Alice, Bob, Charlie and Daisy are a family. Who is the youngest?',
        tools: [{ name: 'retrieve_entity_info', description: 'Get the knowledge about the given entity.', parameters: object({ name: { type: 'string' } }) }],
        turns: ['parallel-tool-use.response.json', 'parallel-tool-results.response.json'],
      },
      stream: {
        model: 'claude-haiku-4-5',
        prompt: 'Two names for a pet pelican',
        tools: [{ name: 'pelican_name_generator', description: '', parameters: { type: 'object', properties: {} } }],
        turns: ['stream-parallel-tool-use.sse', 'stream-after-parallel-tool-results.sse'],
      },
    },
    image: {
      json: { model: 'claude-haiku-4-5', prompt: 'What is this?', turns: ['image-url.response.json'] },
      stream: { model: 'claude-sonnet-4-5', prompt: 'Describe image in three words', turns: ['stream-image-base64.sse'] },
    },
    'json-schema': {
      json: {
        model: 'claude-sonnet-4-5',
        prompt: 'Return exactly this payment amount: 12.34',
        schema: { name: 'Payment', schema: object({ amount: { anyOf: [{ type: 'number' }, { type: 'string', description: '{pattern: ^(?!^[-+.]*$)[+-]?0*\\d*\\.?\\d*$}' }] } }) },
        turns: ['json-schema-output.response.json'],
      },
      stream: {
        model: 'claude-sonnet-4-5',
        prompt: 'Invent a good dog',
        schema: { name: 'Dog', schema: { type: 'object', title: 'Dog', properties: { name: { type: 'string', title: 'Name' }, age: { type: 'integer', title: 'Age' }, bio: { type: 'string', title: 'Bio' } }, additionalProperties: false, required: ['name', 'age', 'bio'] } },
        turns: ['stream-json-schema-output.sse'],
      },
    },
    reasoning: {
      json: { model: 'claude-sonnet-4-5', prompt: 'How do I cross the street?', turns: ['thinking.response.json', 'thinking-replayed-history.response.json'] },
      stream: { model: 'claude-haiku-4-5', prompt: 'Two names for a pet pelican, be brief', turns: ['stream-thinking.sse', 'stream-text.sse'] },
    },
  },
  gemini: {
    text: {
      json: { model: 'gemini-2.5-flash', prompt: 'Hello', turns: ['text.response.json'] },
      stream: { model: 'gemini-2.0-flash', prompt: 'What is the capital of France?', turns: ['stream-text.sse'] },
    },
    tools: {
      json: {
        model: 'gemini-3-flash-preview',
        prompt: 'Tell three jokes. Generate topics with the generate_topic tool.',
        tools: [{ name: 'generate_topic', description: '', parameters: noArguments }],
        turns: ['parallel-function-calls.response.json', 'parallel-function-responses.response.json'],
      },
      stream: {
        model: 'gemini-3-pro-preview',
        prompt: 'What is the capital of the user country? Call the tool',
        tools: [{ name: 'get_country', description: '', parameters: noArguments }],
        turns: ['stream-function-call-thought-signature.sse', 'stream-after-function-response.sse'],
      },
    },
    image: {
      json: { model: 'gemini-2.0-flash', prompt: 'What is this vegetable?', turns: ['image-inline-data.response.json'] },
      stream: { model: 'gemini-2.0-flash', prompt: 'What is this vegetable?', turns: ['stream-text.sse'], standIn: 'no streamed image answer was recorded: a text stream answers' },
    },
    'json-schema': {
      json: { model: 'gemini-2.0-flash', prompt: 'What is the largest city in Mexico?', schema: { name: 'CityLocation', schema: { description: 'A city and its country.', properties: { city: { type: 'string' }, country: { type: 'string' } }, required: ['city', 'country'], title: 'CityLocation', type: 'object' } }, turns: ['structured-output.response.json'] },
      stream: { model: 'gemini-2.0-flash', prompt: 'What is the largest city in Mexico?', schema: { name: 'CityLocation', schema: cityLocation }, turns: ['stream-text.sse'], standIn: 'no streamed structured output was recorded: a text stream answers' },
    },
    reasoning: {
      json: { model: 'gemini-3-pro-preview', prompt: 'How do I cross the street?', turns: ['thinking.response.json', 'text.response.json'] },
      stream: { model: 'gemini-2.5-pro', prompt: 'How do I cross the street?', turns: ['stream-thinking-thoughts.sse', 'stream-text.sse'] },
    },
  },
}

/** A tiny PNG (from the recorded Anthropic image request), sent as the image of every image cell. */
export const testImage = {
  mediaType: 'image/png',
  data: 'iVBORw0KGgoAAAANSUhEUgAAAKYAAAEaAgMAAADmmcReAAAACVBMVEX///8A/wD+AQASdAFKAAAAR0lEQVR42u3YMREAMAjAwC5d6q8mUYkEVuA+8yvIkVr0oghFURRFURRFURRFUdRCkSRJM7u/CEVRFEVRFEVRFEXRpdQXkcaVBRUPn8UJn6QAAAAASUVORK5CYII=',
}

/** The wire format a provider speaks to a client of `dialect` (OpenAI serves Responses clients through its Responses API). */
export function wireFor(dialect: InboundDialect, provider: ProviderId): Wire {
  if (provider === 'openai') return dialect === 'openai-responses' ? 'openai-responses' : 'openai-chat'
  return provider
}

const packageOf: Record<Wire, string> = { 'openai-chat': 'provider-openai', 'openai-responses': 'provider-openai', anthropic: 'provider-anthropic', gemini: 'provider-gemini' }

export async function readRecordingFile(wire: Wire, file: string): Promise<string> {
  return Bun.file(new URL(`../../plugins/${packageOf[wire]}/fixtures/${file}`, import.meta.url)).text()
}

/** A recording file as the fake upstream's answer. */
export function asReply(file: string, body: string): FakeReply {
  return file.endsWith('.sse') ? { sse: body } : { json: JSON.parse(body) }
}
