/**
 * Structured logs (pino) with a request id per request: an incoming X-Request-Id is kept when it
 * looks sane, otherwise one is generated; it is echoed in the response header. Secrets never
 * reach the log: passwords, tokens, cookies and authorization headers are redacted.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import { pinoHttp } from 'pino-http';

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.query._csrf',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.tokenHash',
  '*.sessionSecret',
  '*._csrf',
];

export function createLogger(level: LevelWithSilent, destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
}

const SANE_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Multipart forms carry their CSRF token in the URL; it must not reach the log. */
export function redactUrl(url: string): string {
  return url.replace(/([?&]_csrf=)[^&]*/g, '$1[redacted]');
}

export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // Static assets and probes would drown the useful lines.
    autoLogging: { ignore: (req) => /^\/(assets\/|healthz$|readyz$)/.test(req.url ?? '') },
    // One short line per request: what was asked and answered, not every header (the long security
    // headers of each answer cost more to serialize than the request itself took to route).
    serializers: {
      req: (req: { id?: unknown; method?: string; url?: string; remoteAddress?: string; headers?: Record<string, unknown> }) => ({
        id: req.id,
        method: req.method,
        url: req.url === undefined ? undefined : redactUrl(req.url),
        remoteAddress: req.remoteAddress,
        userAgent: req.headers?.['user-agent'],
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
  });
}
