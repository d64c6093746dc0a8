import { describe, expect, test } from 'bun:test'
import { ANTHROPIC_SECRET, BASE_URL, OPENAI_SECRET, createTestGateway, readJsonFixture } from './helpers/create-test-gateway'

const chat = { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }
const message = { model: 'claude-haiku-4-5', max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] }

describe('errors in each dialect', () => {
  test('missing key: 401 in the OpenAI envelope and in Anthropic shape', async () => {
    const gateway = createTestGateway()
    const openai = await gateway.app.handle(new Request(`${BASE_URL}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chat) }))
    expect(openai.status).toBe(401)
    expect(await openai.json()).toEqual({ error: { message: expect.any(String), type: 'authentication_error', param: null, code: 'invalid_api_key' } })
    const anthropic = await gateway.post('/v1/messages', message, { authorization: 'Bearer wrong' })
    expect(anthropic.status).toBe(401)
    expect(await anthropic.json()).toEqual({ type: 'error', error: { type: 'authentication_error', message: expect.any(String) } })
    expect(gateway.openaiUpstream.requests).toHaveLength(0)
    expect(await gateway.waitForFinishes(2)).toHaveLength(2)
  })

  test('wrong Content-Type is 415, malformed JSON is 400 naming the problem', async () => {
    const gateway = createTestGateway()
    const wrongType = await gateway.post('/v1/chat/completions', JSON.stringify(chat), { 'content-type': 'text/plain' })
    expect(wrongType.status).toBe(415)
    expect((await wrongType.json()).error.message).toContain('application/json')
    const malformed = await gateway.post('/v1/chat/completions', '{"model": "gpt-4o", "messages": [')
    expect(malformed.status).toBe(400)
    expect((await malformed.json()).error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_json', message: expect.stringContaining('not valid JSON') })
  })

  test('schema violation names the param; Anthropic dialect answers in its own shape', async () => {
    const gateway = createTestGateway()
    const openai = await gateway.post('/v1/chat/completions', { model: 'gpt-4o' })
    expect(openai.status).toBe(400)
    expect((await openai.json()).error).toMatchObject({ type: 'invalid_request_error', param: 'messages' })
    const anthropic = await gateway.post('/v1/messages', { model: 'claude-haiku-4-5', max_tokens: 'many', messages: [] })
    expect(anthropic.status).toBe(400)
    expect(await anthropic.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } })
  })

  test('body over the configured limit is 413', async () => {
    const gateway = createTestGateway({ server: { maxBodyBytes: 1024 } })
    const response = await gateway.post('/v1/chat/completions', { ...chat, messages: [{ role: 'user', content: 'x'.repeat(2000) }] })
    expect(response.status).toBe(413)
    expect((await response.json()).error.code).toBe('request_too_large')
  })

  test('unknown model is 404 model_not_found', async () => {
    const gateway = createTestGateway()
    const response = await gateway.post('/v1/chat/completions', { ...chat, model: 'no-such-model' })
    expect(response.status).toBe(404)
    expect((await response.json()).error).toMatchObject({ type: 'not_found_error', code: 'model_not_found', param: 'model' })
  })

  test('upstream 429 keeps its status and Retry-After in both dialects', async () => {
    const gateway = createTestGateway()
    gateway.openaiUpstream.reply({ status: 429, headers: { 'retry-after': '7' }, json: await readJsonFixture('openai-chat/error-429-request-too-large-tpm.json') })
    const openai = await gateway.post('/v1/chat/completions', chat)
    expect(openai.status).toBe(429)
    expect(openai.headers.get('retry-after')).toBe('7')
    expect((await openai.json()).error.type).toBe('rate_limit_error')
    gateway.anthropicUpstream.reply({ status: 429, headers: { 'retry-after': '3' }, json: await readJsonFixture('anthropic/error-429-rate-limit.json') })
    const anthropic = await gateway.post('/v1/messages', message)
    expect(anthropic.status).toBe(429)
    expect(anthropic.headers.get('retry-after')).toBe('3')
    expect(await anthropic.json()).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } })
  })

  test('upstream rejects the provider credential: 502, and no secret is echoed', async () => {
    const gateway = createTestGateway()
    gateway.openaiUpstream.reply({ status: 401, json: await readJsonFixture('openai-chat/error-401-invalid-api-key.json') })
    const openai = await gateway.post('/v1/chat/completions', chat)
    expect(openai.status).toBe(502)
    const text = await openai.text()
    expect(text).not.toContain('sk-')
    expect(text).not.toContain(OPENAI_SECRET)
    gateway.anthropicUpstream.reply({ status: 401, json: await readJsonFixture('anthropic/error-401-authentication.json') })
    const anthropic = await gateway.post('/v1/chat/completions', { ...chat, model: 'claude-haiku-4-5' })
    expect(anthropic.status).toBe(502)
    expect(await anthropic.text()).not.toContain(ANTHROPIC_SECRET)
  })

  test('overloaded upstream (529) maps to a 5xx upstream error, Anthropic clients see overloaded_error', async () => {
    const gateway = createTestGateway()
    gateway.anthropicUpstream.reply({ status: 529, json: await readJsonFixture('anthropic/error-529-overloaded.json') })
    const anthropic = await gateway.post('/v1/messages', message)
    expect(anthropic.status).toBeGreaterThanOrEqual(500)
    expect((await anthropic.json()).error.type).toBe('overloaded_error')
    gateway.anthropicUpstream.reply({ status: 529, json: await readJsonFixture('anthropic/error-529-overloaded.json') })
    const openai = await gateway.post('/v1/chat/completions', { ...chat, model: 'claude-haiku-4-5' })
    expect(openai.status).toBeGreaterThanOrEqual(500)
    expect((await openai.json()).error.type).toBe('upstream_error')
  })

  test('unreachable upstream is a 502 that names the provider but not its address or key', async () => {
    const gateway = createTestGateway()
    gateway.openaiUpstream.reply({ failure: 'connection' })
    const response = await gateway.post('/v1/chat/completions', chat)
    expect(response.status).toBe(502)
    expect((await response.json()).error).toMatchObject({ type: 'upstream_error', code: 'upstream_connection_error' })
  })
})
