/**
 * The structural floor of one hop (its own process): an Elysia app that receives the request,
 * fetches the same path from the upstream (env BENCH_UPSTREAM_URL) and returns the upstream body
 * stream untouched. No auth, no parsing, no translation, no metering.
 */
import { linkToParent } from './child-process-link'
import { loadElysia } from './load-elysia'

const upstreamURL = process.env.BENCH_UPSTREAM_URL
if (!upstreamURL) throw new Error('BENCH_UPSTREAM_URL is required')
const { Elysia } = await loadElysia()

const forwardedHeaders = ['content-type', 'x-mock-latency-ms', 'x-mock-interval-ms']

async function forward(request: Request): Promise<Response> {
  const headers: Record<string, string> = {}
  for (const name of forwardedHeaders) {
    const value = request.headers.get(name)
    if (value !== null) headers[name] = value
  }
  const path = request.url.slice(request.url.indexOf('/', 8))
  const upstream = await fetch(upstreamURL + path, { method: 'POST', headers, body: await request.arrayBuffer(), signal: request.signal })
  return new Response(upstream.body, { status: upstream.status, headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream' } })
}

const app = new Elysia().post('/*', ({ request }) => forward(request), { parse: 'none' }).listen({ hostname: '127.0.0.1', port: 0 })

linkToParent(app.server!.port!)
