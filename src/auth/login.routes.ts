/**
 * Sign in (GET/POST /masuk) and sign out (POST /keluar). Every failed attempt gets a message that
 * does not reveal whether the email has an account; the session id is regenerated at sign-in
 * (passport's req.login) and the old session is deleted at sign-out.
 */
import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import passport from 'passport';
import type { RouteDef } from '../http/routes.js';
import type { SignInFailure } from './passport.js';
import { appContext } from '../http/app-context.js';
import { safeNextPath } from '../http/mount.js';
import { setFlash } from '../http/flash.js';
import { fieldErrors } from '../http/validate.js';
import { loginIpLimit } from './login-ip-limit.js';

const signInSchema = z.object({
  email: z.string().trim().min(1, 'errors.field.required').max(254, 'errors.field.too_long'),
  password: z.string().min(1, 'errors.field.required').max(1000, 'errors.field.too_long'),
  next: z.string().optional(),
});

const FAILURE_STATUS: Record<SignInFailure['message'], { status: number; key: string }> = {
  invalid: { status: 401, key: 'auth:sign_in.invalid' },
  locked: { status: 429, key: 'auth:sign_in.locked' },
  inactive: { status: 403, key: 'auth:sign_in.inactive' },
};

interface SignInPageExtras {
  message?: string;
  /** Minutes to wait, for the lock and rate-limit messages. */
  minutes?: number;
  errors?: Record<string, string>;
}

function renderSignIn(req: Request, res: Response, status: number, extra: SignInPageExtras = {}) {
  const body = (req.body ?? {}) as Record<string, unknown>;
  res.status(status).render('auth/sign-in', {
    email: typeof body.email === 'string' ? body.email : '',
    next: safeNextPath(req.method === 'GET' ? req.query.next : body.next),
    minutes: extra.minutes ?? appContext(req).config.loginLockMinutes,
    message: extra.message,
    errors: extra.errors ?? {},
  });
}

const showSignIn: RequestHandler = (req, res) => {
  if (req.user) return res.redirect(303, safeNextPath(req.query.next));
  renderSignIn(req, res, 200);
};

const ipLimited: RequestHandler = (req, res) => renderSignIn(req, res, 429, { message: 'auth:sign_in.ip_limited' });

const signIn: RequestHandler = (req, res, next) => {
  const parsed = signInSchema.safeParse(req.body ?? {});
  if (!parsed.success) return renderSignIn(req, res, 422, { errors: fieldErrors(parsed.error) });

  passport.authenticate('local', (err: unknown, user: Express.User | false, info?: SignInFailure) => {
    if (err) return next(err);
    if (!user) {
      const failure = FAILURE_STATUS[info?.message ?? 'invalid'];
      const minutes = info?.lockedUntil ? Math.max(1, Math.ceil((info.lockedUntil.getTime() - Date.now()) / 60_000)) : undefined;
      return renderSignIn(req, res, failure.status, { message: failure.key, minutes });
    }
    req.logIn(user, (loginErr) => {
      if (loginErr) return next(loginErr);
      setFlash(req, 'success', 'auth:signed_in');
      res.redirect(303, safeNextPath(parsed.data.next));
    });
  })(req, res, next);
};

const signOut: RequestHandler = (req, res, next) => {
  const oldSessionId = req.sessionID;
  req.logout((err) => {
    if (err) return next(err);
    // logout() regenerated the session; also drop the old one from the store for good.
    req.sessionStore.destroy(oldSessionId, (destroyErr) => {
      if (destroyErr) return next(destroyErr);
      setFlash(req, 'success', 'auth:signed_out');
      res.redirect(303, '/masuk');
    });
  });
};

export const loginRoutes: RouteDef[] = [
  { method: 'get', path: '/masuk', access: 'public', summary: 'Sign-in form', handlers: [showSignIn] },
  { method: 'post', path: '/masuk', access: 'public', summary: 'Sign in with email and password', handlers: [loginIpLimit(ipLimited), signIn] },
  { method: 'post', path: '/keluar', access: 'user', summary: 'Sign out', handlers: [signOut] },
];
