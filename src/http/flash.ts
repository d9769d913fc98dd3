/**
 * One-shot messages shown on the next page (after a redirect). Stored in the session as i18n
 * keys and translated when rendered, so they follow the reader's language.
 */
import type { Request, RequestHandler } from 'express';

export type FlashKind = 'success' | 'error';
export interface FlashMessage {
  kind: FlashKind;
  key: string;
}

declare module 'express-session' {
  interface SessionData {
    flash?: FlashMessage[];
  }
}

export function setFlash(req: Request, kind: FlashKind, key: string): void {
  if (!req.session) return;
  req.session.flash = [...(req.session.flash ?? []), { kind, key }];
}

/** Moves pending messages into res.locals.flash and clears them from the session. */
export const takeFlash: RequestHandler = (req, res, next) => {
  const pending = req.session?.flash;
  res.locals.flash = pending ?? [];
  if (pending) delete req.session.flash;
  next();
};
