/** One request the load generator sends, already serialised, plus how to tell it succeeded. */
export interface LoadRequest {
  /** The complete HTTP/1.1 request (head and body). */
  raw: string
  stream: boolean
  /** For streams: text the last bytes of the body must contain (the dialect's clean terminal). */
  terminal?: string
}
