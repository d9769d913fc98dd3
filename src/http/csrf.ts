/**
 * CSRF protection (double-submit cookie, csrf-csrf) on every POST/PUT/PATCH/DELETE. The token is
 * bound to the session id, so it changes when the session is regenerated at sign-in. Forms send
 * it as `_csrf`, scripts as the X-CSRF-Token header. A multipart (file upload) form is checked
 * before its body is parsed, so it carries the token in its action URL: `?_csrf=…` (accepted
 * for multipart requests only; the logger strips it). Requests authenticated by a Bearer token
 * carry no ambient credentials and are exempt.
 */
import type { Request, RequestHandler } from 'express';
import { doubleCsrf } from 'csrf-csrf';
import { ForbiddenError } from './errors.js';
import { bearerTokenOf } from './bearer.js';

declare module 'express-session' {
  interface SessionData {
    /** Set on the first page view so an anonymous visitor keeps one session id for the token. */
    csrfBound?: boolean;
  }
}

export interface Csrf {
  protect: RequestHandler;
  /** Makes res.render() set res.locals.csrfToken (and bind an anonymous session) for the page. */
  exposeToken: RequestHandler;
}

export function createCsrf(secret: string): Csrf {
  const { doubleCsrfProtection, generateCsrfToken } = doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: (req: Request) => req.sessionID ?? '',
    cookieName: 'studitiru.csrf',
    cookieOptions: { sameSite: 'lax', path: '/', httpOnly: true, secure: false },
    getCsrfTokenFromRequest: (req: Request) => {
      const fromBody = (req.body as Record<string, unknown> | undefined)?._csrf;
      if (typeof fromBody === 'string') return fromBody;
      const fromQuery = req.is('multipart/form-data') ? req.query._csrf : undefined;
      return typeof fromQuery === 'string' ? fromQuery : req.get('x-csrf-token');
    },
    skipCsrfProtection: (req: Request) => bearerTokenOf(req) !== undefined,
  });

  const protect: RequestHandler = (req, res, next) => {
    doubleCsrfProtection(req, res, (err?: unknown) => next(err ? new ForbiddenError('errors.csrf') : undefined));
  };

  // Done at render time so JSON responses and probes never create a session or a token.
  const exposeToken: RequestHandler = (req, res, next) => {
    const render = res.render.bind(res) as (...args: unknown[]) => void;
    res.render = ((...args: unknown[]) => {
      if (req.session && !req.session.csrfBound) req.session.csrfBound = true;
      res.locals.csrfToken = generateCsrfToken(req, res, { cookieOptions: { secure: req.secure } });
      render(...args);
    }) as typeof res.render;
    next();
  };

  return { protect, exposeToken };
}
