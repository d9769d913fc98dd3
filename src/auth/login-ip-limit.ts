/**
 * Per-IP limit on sign-in attempts (express-rate-limit). Successful sign-ins are not counted.
 * The counter lives in this process's memory, so the budget is split across the cluster's app
 * processes (the cluster hands connections out in turn): together they allow about
 * LOGIN_IP_MAX_ATTEMPTS, never more. Separate replicas behind a proxy each count on their own,
 * which is acceptable because the per-account lock (in MongoDB) is the binding limit.
 */
import type { Application, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { appContext } from '../http/app-context.js';

const limiters = new WeakMap<Application, RequestHandler>();

/** One limiter (and counter) per app instance, created on its first sign-in attempt. */
export function loginIpLimit(onLimited: RequestHandler): RequestHandler {
  return (req, res, next) => {
    let limiter = limiters.get(req.app);
    if (!limiter) {
      const { loginIpMaxAttempts, loginLockMinutes, webConcurrency } = appContext(req).config;
      limiter = rateLimit({
        windowMs: loginLockMinutes * 60_000,
        limit: Math.ceil(loginIpMaxAttempts / webConcurrency),
        skipSuccessfulRequests: true,
        standardHeaders: 'draft-8',
        legacyHeaders: false,
        handler: onLimited,
        // Created lazily (once per app, because the limits come from that app's config).
        validate: { creationStack: false },
      });
      limiters.set(req.app, limiter);
    }
    limiter(req, res, next);
  };
}
