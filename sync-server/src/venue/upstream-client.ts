/**
 * How a hub talks to central's JSON API (docs/api.md) while preparing: plain fetch, no Origin
 * header (a non-browser client is judged on its session alone), the session cookie central set
 * at sign-in. Every failure becomes an UpstreamError whose message an operator can act on.
 */
export class UpstreamError extends Error {
  override name = 'UpstreamError';
  constructor(
    message: string,
    /** Central's HTTP status, when it answered. */
    readonly status?: number
  ) {
    super(message);
  }
}

/** Central answers within seconds; a sign-in hashes a password (bounded there too). */
const REQUEST_TIMEOUT_MS = 20_000;

export class UpstreamClient {
  #cookie: string | undefined;
  constructor(readonly upstream: string) {}

  /** The session cookie, for the sync websockets that pull documents. */
  get cookie(): string | undefined {
    return this.#cookie;
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (this.#cookie) headers.cookie = this.#cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(new URL(path, this.upstream), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
      });
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
      throw new UpstreamError(`Cannot reach the upstream Atelier at ${this.upstream} (${why})`);
    }
    const setCookie = res.headers.getSetCookie().find((c) => /^(__Host-)?atelier_session=/.test(c));
    if (setCookie) this.#cookie = setCookie.split(';')[0];
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      throw new UpstreamError(`${this.upstream} answered ${method} ${path} with something other than JSON (status ${res.status}); is it an Atelier?`, res.status);
    }
    if (!res.ok) {
      const message = json?.error?.message ?? `status ${res.status}`;
      throw new UpstreamError(message, res.status);
    }
    return json as T;
  }
}
