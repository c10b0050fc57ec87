/** A GET route a feature adds to the HTTP server (e.g. calendar files). */
export interface HttpRoute {
  path: string;
  /** `params` from the path, `query` from the query string (first value of each name). */
  handle(
    params: Record<string, string>,
    query: Record<string, string>,
  ): Promise<{ status: number; contentType: string; body: string; filename?: string; headers?: Record<string, string> }>;
}
