import { GoogleGenAI } from '@google/genai'
import { afterAll, describe, expect, test } from 'bun:test'
import OpenAI from 'openai'
import { BASE_URL, GEMINI_SECRET, MASTER_KEY, createTestGateway, readFixture, readJsonFixture } from './helpers/create-test-gateway'
import { geminiStreamText } from './helpers/fixture-gemini'
import { openAIStreamText } from './helpers/fixture-text'

/** The Google GenAI SDK uses the global fetch, so the gateway listens on a loopback port here. */
const gateway = createTestGateway()
gateway.app.listen({ hostname: '127.0.0.1', port: 0 })
const origin = `http://127.0.0.1:${gateway.app.server!.port}`
afterAll(() => gateway.app.stop())
const genai = new GoogleGenAI({ apiKey: MASTER_KEY, httpOptions: { baseUrl: origin } })

describe('official @google/genai SDK through Tollgate', () => {
  test('same dialect, JSON: generateContent reaches Gemini with the model in the path, unknown fields kept', async () => {
    const recorded = await readJsonFixture('gemini/text.response.json')
    gateway.geminiUpstream.reply({ json: recorded })
    const response = await genai.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'What is the capital of France?',
      config: { temperature: 0.2, labels: { team: 'tollgate' } },
    })
    expect(response.text).toBe(recorded.candidates[0].content.parts.map((part: { text: string }) => part.text).join(''))
    const sent = gateway.geminiUpstream.lastRequest!
    expect(sent.url).toBe('https://gemini.googleapis.test/v1beta/models/gemini-2.5-flash:generateContent')
    expect(sent.headers['x-goog-api-key']).toBe(GEMINI_SECRET)
    expect(sent.body.generationConfig.temperature).toBe(0.2)
    expect(sent.body.labels).toEqual({ team: 'tollgate' })
  })

  test('same dialect, stream (alt=sse): the recorded text arrives chunk by chunk', async () => {
    const sse = await readFixture('gemini/stream-text.sse')
    gateway.geminiUpstream.reply({ sse })
    let text = ''
    for await (const chunk of await genai.models.generateContentStream({ model: 'gemini-2.0-flash', contents: 'Capital of France?' })) text += chunk.text ?? ''
    expect(text).toBe(geminiStreamText(sse))
    expect(gateway.geminiUpstream.lastRequest!.url).toBe('https://gemini.googleapis.test/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse')
  })

  test('cross dialect, stream: a Gemini client reaches OpenAI', async () => {
    const sse = await readFixture('openai-chat/stream-text.sse')
    gateway.openaiUpstream.reply({ sse })
    let text = ''
    for await (const chunk of await genai.models.generateContentStream({ model: 'openai/gpt-4o', contents: 'Weather?' })) text += chunk.text ?? ''
    expect(text).toBe(openAIStreamText(sse))
    expect(gateway.openaiUpstream.lastRequest!.body.messages).toEqual([{ role: 'user', content: 'Weather?' }])
  })

  test('cross dialect, tools: Anthropic parallel tool use becomes Gemini function calls', async () => {
    const recorded = await readJsonFixture('anthropic/parallel-tool-use.response.json')
    gateway.anthropicUpstream.reply({ json: recorded })
    const response = await genai.models.generateContent({
      model: 'claude-haiku-4-5',
      contents: 'Who is the youngest?',
      config: { tools: [{ functionDeclarations: [{ name: 'retrieve_entity_info', parametersJsonSchema: { type: 'object', properties: { name: { type: 'string' } } } }] }] },
    })
    expect(response.functionCalls?.map((call) => [call.name, call.args])).toEqual(recorded.content.slice(1).map((block: any) => [block.name, block.input]))
    expect(gateway.anthropicUpstream.lastRequest!.body.tools[0]).toMatchObject({ name: 'retrieve_entity_info', input_schema: { type: 'object' } })
  })
})

describe('Gemini provider for other dialects', () => {
  test('an OpenAI client streams from Gemini', async () => {
    const local = createTestGateway()
    const sse = await readFixture('gemini/stream-text.sse')
    local.geminiUpstream.reply({ sse })
    const client = new OpenAI({ apiKey: MASTER_KEY, baseURL: `${BASE_URL}/v1`, fetch: local.fetch, maxRetries: 0 })
    let text = ''
    for await (const chunk of await client.chat.completions.create({ model: 'gemini-2.0-flash', stream: true, messages: [{ role: 'user', content: 'Capital of France?' }] })) {
      text += chunk.choices[0]?.delta?.content ?? ''
    }
    expect(text).toBe(geminiStreamText(sse))
  })

  test('?key= and x-goog-api-key authenticate; errors come back in Google\'s shape', async () => {
    const local = createTestGateway()
    const body = JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }] })
    const unknownModel = await local.app.handle(
      new Request(`${BASE_URL}/v1beta/models/no-such-model:generateContent?key=${MASTER_KEY}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
    )
    expect(unknownModel.status).toBe(404)
    expect(await unknownModel.json()).toMatchObject({ error: { code: 404, status: 'NOT_FOUND' } })
    const anonymous = await local.app.handle(new Request(`${BASE_URL}/v1beta/models/mock%2Fecho:generateContent`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }))
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toMatchObject({ error: { code: 401, status: 'UNAUTHENTICATED' } })
  })

  test('a JSON-array stream (no alt=sse) is framed as a JSON array, even from a Gemini upstream', async () => {
    const local = createTestGateway()
    local.geminiUpstream.reply({ sse: await readFixture('gemini/stream-text.sse') })
    const response = await local.app.handle(
      new Request(`${BASE_URL}/v1beta/models/gemini-2.0-flash:streamGenerateContent`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-goog-api-key': MASTER_KEY },
        body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'Capital of France?' }] }] }),
      }),
    )
    expect(response.headers.get('content-type')).toContain('application/json')
    const chunks = JSON.parse(await response.text()) as Array<{ candidates: Array<{ content: { parts: Array<{ text?: string }> } }> }>
    expect(chunks.flatMap((chunk) => chunk.candidates[0].content.parts.map((part) => part.text ?? '')).join('')).toBe(geminiStreamText(await readFixture('gemini/stream-text.sse')))
  })
})
