/**
 * The search client's requests over node:http with keep-alive connections instead of fetch. Every
 * search request makes one engine request; through fetch that cost the app process about 0.6 ms
 * of CPU, through node:http about 0.35 ms (measured with the app's own search request and a
 * 33 kB answer). Answers the parsed JSON body; an error status throws a MeilisearchApiError, which
 * the client hands on wrapped in a MeilisearchRequestError (read its code with engineErrorCode).
 *
 * A kept-alive connection that the engine closes as idle just as a request is written on it fails
 * that request (EPIPE or ECONNRESET before any answer): such a request is sent once more, on a new
 * connection. A running engine drops only connections with no request in progress, so the request
 * was not read; an engine that died after reading one is not back when the second try connects
 * (restarting takes seconds), which then fails as any request to a stopped engine. Seen in a
 * reindex that failed one 2,000-document push in two of some twelve benchmark runs.
 */
import http from 'node:http';
import https from 'node:https';
import { MeilisearchApiError } from 'meilisearch';

type Fetch = typeof fetch;

function bodyOf(body: RequestInit['body']): string | Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || Buffer.isBuffer(body)) return body;
  throw new TypeError('the search transport sends string bodies only');
}

/** An engine that accepted a request but sends nothing for this long is treated as down (fetch waited 300 s). */
const IDLE_TIMEOUT_MS = 30_000;

/** The failure of a request written on a kept-alive connection the engine had already closed. */
function closedBeforeAnswer(req: http.ClientRequest, err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return req.reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE');
}

export function httpTransport(idleTimeoutMs = IDLE_TIMEOUT_MS): (...args: Parameters<Fetch>) => Promise<unknown> {
  const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };
  return (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : input);
    const body = bodyOf(init.body);
    const headers: Record<string, string> = Object.fromEntries(new Headers(init.headers));
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const request = url.protocol === 'https:' ? https.request : http.request;
    const send = (retried: boolean): Promise<unknown> => new Promise((resolve, reject) => {
      // The second try on a connection of its own: another kept one may be as stale.
      const agent = retried ? false : agents[url.protocol as keyof typeof agents];
      const req = request(url, { method: init.method ?? 'GET', headers, agent, signal: init.signal ?? undefined }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try {
            parsed = text === '' ? undefined : JSON.parse(text);
          } catch (err) {
            return reject(err);
          }
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) return resolve(parsed);
          reject(new MeilisearchApiError(new Response(null, { status, statusText: res.statusMessage ?? '' }), parsed as never));
        });
      });
      req.on('error', (err) => (!retried && closedBeforeAnswer(req, err) ? send(true).then(resolve, reject) : reject(err)));
      req.setTimeout(idleTimeoutMs, () => req.destroy(new Error(`the search engine sent nothing for ${idleTimeoutMs} ms`)));
      req.end(body);
    });
    return send(false);
  };
}
