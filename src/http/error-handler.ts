/**
 * The one place errors become responses: JSON `{error: {code, message, details}}` under /api/,
 * an HTML error page elsewhere. Messages are i18n keys translated for the reader; unexpected
 * errors are logged with the request id and shown as a plain 500 without a stack.
 */
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { AppError, NotFoundError, type FieldErrors } from './errors.js';

export const notFoundHandler: RequestHandler = (_req, _res, next) => next(new NotFoundError());

/** Errors thrown by body parsers and other libraries carry an HTTP status we can keep. */
function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  const status = (err as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 404) return new NotFoundError();
    return new AppError('bad_request', status, 'errors.bad_request');
  }
  return undefined;
}

export function wantsJson(req: Request): boolean {
  return req.path.startsWith('/api/');
}

export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) return next(err);
  const known = toAppError(err);
  if (!known) req.log?.error({ err }, 'unhandled error');
  else if (known.status >= 500 && known.cause !== undefined) req.log?.warn({ err: known.cause }, known.message);
  const error = known ?? new AppError('internal', 500, 'errors.internal');
  const t = res.locals.t ?? ((key: string) => key);
  const details: FieldErrors | undefined = error.details
    ? Object.fromEntries(Object.entries(error.details).map(([field, key]) => [field, t(key)]))
    : undefined;

  res.status(error.status);
  if (error.status === 401 && !wantsJson(req)) res.setHeader('Cache-Control', 'no-store');
  if (wantsJson(req)) {
    res.json({ error: { code: error.code, message: t(error.message), details: details ?? {} } });
    return;
  }
  res.render('errors/error', { status: error.status, requestId: String(req.id ?? ''), errors: error.details }, (renderErr, html) => {
    if (renderErr) {
      req.log?.error({ err: renderErr }, 'error page failed to render');
      res.type('text/plain').send(`${error.status} ${t(error.message)}`);
      return;
    }
    res.send(html);
  });
};
