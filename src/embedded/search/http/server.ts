/**
 * The HTTP front: routing, authentication, body reading and error answers. Any failure inside a
 * request becomes a Meilisearch error response; nothing a client sends can crash the process.
 */
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MeiliError } from '../errors.js';
import { indexAllowed } from '../auth/actions.js';
import { isJwt, verifyTenantToken } from '../auth/tenant-token.js';
import { readBody } from './body.js';
import { arrivalOrder, type ArrivalOrder } from './arrival-order.js';
import type { TenantGrant } from '../auth/tenant-token.js';
import type { KeyStore } from '../auth/key-store.js';
import type { Router, Reply } from './router.js';

export interface ServerOptions {
  router: Router;
  masterKey: string | null;
  keys: KeyStore | null;
  payloadLimit: number;
  log: (line: string) => void;
}

const MISSING_HEADER = new MeiliError('missing_authorization_header', 'The Authorization header is missing. It must use the bearer authorization method.', 401, 'auth');
const INVALID_KEY = new MeiliError('invalid_api_key', 'The provided API key is invalid.', 403, 'auth');

/** Who is calling: the master key or anyone when no master key is set (null: everything), an API key or a tenant token. */
type Caller = TenantGrant | null;

function authenticate(req: IncomingMessage, action: string, params: Record<string, string>, options: ServerOptions): Caller {
  if (options.masterKey === null || !options.keys) return null;
  const header = req.headers.authorization;
  if (!header) throw MISSING_HEADER;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match) throw INVALID_KEY;
  const secret = match[1].trim();
  if (secret === options.masterKey) return null;
  const keys = options.keys;
  const record = keys.authenticate(secret);
  if (record) {
    if (!keys.allows(record, action, params.uid)) throw INVALID_KEY;
    return { canAccessIndex: (uid) => indexAllowed(record.indexes, uid), filterFor: () => undefined };
  }
  if (action !== 'search' || !isJwt(secret)) throw INVALID_KEY;
  const grant = verifyTenantToken(secret, keys);
  if (params.uid !== undefined && !grant.canAccessIndex(params.uid)) throw INVALID_KEY;
  return grant;
}

/** Meilisearch answers every origin (browsers may search it directly with a search key). */
const CORS_HEADERS: Record<string, string> = { 'access-control-allow-origin': '*', vary: 'Origin' };

const PREFLIGHT_HEADERS: Record<string, string> = {
  ...CORS_HEADERS,
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': '*',
  'access-control-max-age': '86400',
};

function send(res: ServerResponse, reply: Reply, close = false): void {
  if (res.headersSent) return;
  const headers: Record<string, string> = { ...CORS_HEADERS };
  if (close) headers.connection = 'close';
  if (reply.text) {
    headers['content-type'] = reply.text.contentType;
    res.writeHead(reply.status, headers).end(reply.text.data);
    return;
  }
  if (reply.body === undefined || reply.status === 204) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  // Encoded once: its length is the content-length.
  const data = Buffer.from(JSON.stringify(reply.body));
  headers['content-type'] = 'application/json';
  headers['content-length'] = String(data.length);
  res.writeHead(reply.status, headers).end(data);
}

async function handle(req: IncomingMessage, res: ServerResponse, options: ServerOptions, order: ArrivalOrder): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') {
    req.resume();
    res.writeHead(204, PREFLIGHT_HEADERS).end();
    return;
  }
  const match = options.router.match(method, url.pathname);
  if (!match.route) {
    req.resume();
    // Meilisearch answers unknown routes with an empty 404 (the client then reports "404: Not Found").
    send(res, { status: match.methodMismatch ? 405 : 404 });
    return;
  }
  const { route, params } = match;
  try {
    const caller = route.action === null ? null : authenticate(req, route.action, params, options);
    const raw = await readBody(req, options.payloadLimit);
    const reply = await order.run(() =>
      route.handler({
        req,
        params,
        query: url.searchParams,
        raw,
        canAccessIndex: (uid) => caller === null || caller.canAccessIndex(uid),
        tenantFilter: (uid) => caller?.filterFor(uid),
      }),
    );
    send(res, reply);
  } catch (err) {
    if (err instanceof MeiliError) {
      // An unread body (413) cannot be drained cheaply: answer and close the connection.
      send(res, { status: err.status, body: err.toJSON() }, err.code === 'payload_too_large' || !req.readableEnded);
      if (!req.readableEnded) req.resume();
      return;
    }
    options.log(`search http: ${method} ${url.pathname} failed: ${(err as Error).stack ?? String(err)}`);
    send(res, { status: 500, body: new MeiliError('internal', (err as Error).message, 500, 'internal').toJSON() });
  }
}

export function createSearchServer(options: ServerOptions): http.Server {
  // One queue for the whole engine: its searches share one thread.
  const order = arrivalOrder();
  const server = http.createServer((req, res) => {
    req.on('error', () => res.destroy());
    res.on('error', () => undefined);
    handle(req, res, options, order).catch((err: unknown) => {
      options.log(`search http: unexpected ${String(err)}`);
      res.destroy();
    });
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return server;
}
