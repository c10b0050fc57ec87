/** What a route answers; `headers` adds headers such as Cache-Control. */
export interface HttpAnswer {
  status: number;
  contentType: string;
  body: string | Uint8Array;
  /** Offered as a download with this name. */
  filename?: string;
  headers?: Record<string, string>;
}

/** A GET route a feature adds to the HTTP server (e.g. calendar files); HEAD is answered too, without the body. */
export interface HttpRoute {
  path: string;
  /** `query`: the URL's query string, parsed (never logged: it may hold a link token). */
  handle(params: Record<string, string>, request: { query: URLSearchParams }): Promise<HttpAnswer>;
}
