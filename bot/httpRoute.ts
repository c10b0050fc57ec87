/** A GET route a feature adds to the HTTP server (e.g. calendar files). */
export interface HttpRoute {
  path: string;
  handle(params: Record<string, string>): Promise<{ status: number; contentType: string; body: string; filename?: string }>;
}
