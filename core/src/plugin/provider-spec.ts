import type { CanonicalEmbeddingRequest, CanonicalEmbeddingResponse, CanonicalRequest, CanonicalResponse, StreamEvent, Warning } from '../canonical'
import type { GatewayErrorInit } from '../errors/gateway-error'
import type { SseEvent } from '../sse/sse-parser'
import type { ModelInfo } from './model-info'

export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>

/** What a provider's pure functions know about the call they are converting. */
export interface ConversionContext {
  /** The upstream model id (after routing; no `provider/` prefix). */
  modelId: string
  /** The catalogue entry for that model, when known. */
  model?: ModelInfo
}

export interface ConvertedRequest {
  body: Record<string, unknown>
  /** Endpoint path override (default: `endpoints.chat`). */
  path?: string
  headers?: Record<string, string>
  /** Parameters that were mapped approximately (surfaced as the `x-tollgate-warnings` header). */
  warnings?: Warning[]
}

/** A stream state machine: upstream SSE events in, canonical events out. */
export interface StreamConverter {
  event(event: SseEvent): StreamEvent[]
  /** End of the upstream byte stream. A stream that never finished returns an `error` event. */
  end(): StreamEvent[]
}

export type AuthScheme =
  | { type: 'bearer' }
  | { type: 'header'; name: string }
  | { type: 'query'; name: string }
  | { type: 'none' }

/**
 * Provider plugin specification, version 1. Everything that is data is data (endpoints, auth,
 * renames, catalogue); everything that converts is a small pure function. Core does the HTTP.
 */
export interface ProviderSpecV1 {
  specificationVersion: 'v1'
  /** Id used in `provider/model` names and config, e.g. `openai`. */
  id: string
  /** Human name for docs and `/v1/models`. */
  name: string
  /**
   * The wire format it speaks. When it equals the inbound dialect's id (`openai-chat`,
   * `anthropic-messages`), the gateway may forward the client's body nearly untouched.
   */
  wireFormat: string
  defaultBaseURL: string
  /** Environment variable names for credentials and base URL. */
  env?: { apiKey?: string; baseURL?: string }
  auth: AuthScheme
  /** Static headers sent on every request (e.g. `anthropic-version`). */
  headers?: Record<string, string>
  endpoints: { chat: string }
  models: ModelInfo[]
  /** Bare model ids starting with one of these resolve to this provider. */
  modelPrefixes?: string[]
  /** Field renames applied to the converted body, e.g. `{ max_completion_tokens: 'max_tokens' }`; dotted targets nest. */
  renames?: Record<string, string>
  convertRequest(request: CanonicalRequest, context: ConversionContext): ConvertedRequest
  convertResponse(body: any, context: ConversionContext): CanonicalResponse
  createStreamConverter(context: ConversionContext): StreamConverter
  /** Map an upstream error body into the canonical error (never echo upstream secrets). */
  convertError(status: number, body: unknown, headers: Headers): GatewayErrorInit
  /**
   * Same-format fast path: adjust the client's own body before forwarding (model id, usage
   * options, required defaults). Absent → the provider never takes the fast path.
   */
  preparePassthroughBody?(body: Record<string, unknown>, context: ConversionContext): Record<string, unknown>
  /** Request headers forwarded verbatim on the fast path (e.g. `anthropic-beta`). */
  passthroughHeaders?: string[]
  /**
   * Same-format fast path: the endpoint path when it depends on the call (Gemini puts the model and
   * the method in the URL). Absent → `endpoints.chat`. Streams are asked for as SSE.
   */
  passthroughPath?(context: ConversionContext, stream: boolean): string
  /**
   * Other wire formats this provider can also speak (e.g. OpenAI's Responses API beside Chat
   * Completions). A client whose dialect equals one of them is served in that format (fast path
   * included); every other client gets the main format above.
   */
  alternateFormats?: WireFormatSpec[]
  /** Embeddings (`POST /v1/embeddings`, Gemini `:embedContent`); absent → the provider has none (a 400 naming `model`). */
  embeddings?: EmbeddingsOperation
  /**
   * Exact input-token counting by the provider itself (Anthropic `count_tokens`, Gemini `:countTokens`).
   * Absent → the gateway answers count requests with its own estimate, marked as such.
   */
  countTokens?: CountTokensOperation
}

/** The embeddings operation of a provider: its endpoint and conversions from and to the canonical form. */
export interface EmbeddingsOperation {
  /** Wire format of the request body: `request.extra[wireFormat]` (a same-format client's unmapped fields) is the provider's to merge. */
  wireFormat: string
  /** Endpoint path, e.g. `/embeddings` (a request may override it: Gemini puts the model in the URL). */
  endpoint: string
  convertRequest(request: CanonicalEmbeddingRequest, context: ConversionContext): ConvertedRequest
  convertResponse(body: any, context: ConversionContext): CanonicalEmbeddingResponse
  /** Defaults to the provider's `convertError`. */
  convertError?(status: number, body: unknown, headers: Headers): GatewayErrorInit
}

/** Counting a request's input tokens with the provider's own tokenizer, without generating. */
export interface CountTokensOperation {
  /** The client dialect whose count request this provider takes as is (same-format fast path), e.g. `anthropic-messages`. */
  wireFormat: string
  /** Endpoint path (a request may override it). */
  endpoint: string
  /** A canonical request (any client dialect) → the provider's count request. */
  convertRequest(request: CanonicalRequest, context: ConversionContext): ConvertedRequest
  /** Same-format fast path: the client's own count body, adjusted (model id). Absent → always through the canonical form. */
  preparePassthroughBody?(body: Record<string, unknown>, context: ConversionContext): ConvertedRequest
  /** The provider's answer → input tokens. */
  convertResponse(body: any, context: ConversionContext): number
  /** Defaults to the provider's `convertError`. */
  convertError?(status: number, body: unknown, headers: Headers): GatewayErrorInit
}

/**
 * The format-specific part of a provider spec: one wire format, its endpoint and its conversions.
 * `convertError` defaults to the main spec's.
 */
export interface WireFormatSpec {
  wireFormat: string
  endpoints: { chat: string }
  renames?: Record<string, string>
  convertRequest(request: CanonicalRequest, context: ConversionContext): ConvertedRequest
  convertResponse(body: any, context: ConversionContext): CanonicalResponse
  createStreamConverter(context: ConversionContext): StreamConverter
  convertError?(status: number, body: unknown, headers: Headers): GatewayErrorInit
  preparePassthroughBody?(body: Record<string, unknown>, context: ConversionContext): Record<string, unknown>
  passthroughPath?(context: ConversionContext, stream: boolean): string
  passthroughHeaders?: string[]
}

const formatSpecs = new WeakMap<ProviderSpecV1, Map<WireFormatSpec, ProviderSpecV1>>()

/**
 * The spec to use for a client of `wireFormat`: the main spec when it speaks it or no alternate
 * does, else the main spec with that alternate format's endpoint, conversions and pass-through
 * settings (the same object for every call, so it can be compared and cached).
 */
export function selectWireFormat(spec: ProviderSpecV1, wireFormat: string): ProviderSpecV1 {
  if (spec.wireFormat === wireFormat) return spec
  const format = spec.alternateFormats?.find((candidate) => candidate.wireFormat === wireFormat)
  if (!format) return spec
  let cache = formatSpecs.get(spec)
  if (!cache) formatSpecs.set(spec, (cache = new Map()))
  let selected = cache.get(format)
  if (!selected) {
    selected = {
      ...spec,
      wireFormat: format.wireFormat,
      endpoints: format.endpoints,
      renames: format.renames,
      convertRequest: format.convertRequest,
      convertResponse: format.convertResponse,
      createStreamConverter: format.createStreamConverter,
      convertError: format.convertError ?? spec.convertError,
      preparePassthroughBody: format.preparePassthroughBody,
      passthroughPath: format.passthroughPath,
      passthroughHeaders: format.passthroughHeaders,
      alternateFormats: undefined,
    }
    cache.set(format, selected)
  }
  return selected
}

/** User-facing settings when a provider is added to the gateway. */
export interface ProviderSettings {
  apiKey?: string
  baseURL?: string
  headers?: Record<string, string>
  /** Transport override (tests, custom agents, in-process providers). */
  fetch?: FetchFunction
  /** Extra models for the catalogue. */
  models?: ModelInfo[]
}

/** A provider ready to serve: its spec plus resolved settings. */
export interface Provider {
  spec: ProviderSpecV1
  id: string
  apiKey?: string
  baseURL: string
  headers: Record<string, string>
  fetch?: FetchFunction
  models: ModelInfo[]
}

export type ProviderFactory = ((settings?: ProviderSettings) => ProviderFactoryResult) & { spec: ProviderSpecV1 }
export interface ProviderFactoryResult {
  kind: 'provider'
  spec: ProviderSpecV1
  settings: ProviderSettings
}

/** Declare a provider package: `export const openai = defineProvider({...})`, used as `openai({ apiKey })`. */
export function defineProvider(spec: ProviderSpecV1): ProviderFactory {
  if (spec.specificationVersion !== 'v1') throw new Error(`Unsupported provider specificationVersion ${spec.specificationVersion}`)
  const factory = (settings: ProviderSettings = {}): ProviderFactoryResult => ({ kind: 'provider', spec, settings })
  return Object.assign(factory, { spec })
}
