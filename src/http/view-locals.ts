/**
 * What every view can use (see FOUNDATION-CONTRACT item 7): t, lang, currentUser, csrfToken,
 * flash, formatDate, formatDateTime, currentPath, languageUrl. viewLocals runs early (right after
 * the language is chosen) so even error pages of failed early middleware can render;
 * currentUserLocal runs once authentication has set req.user.
 */
import type { RequestHandler } from 'express';
import type { TFunction } from 'i18next';
import type { ActingUser } from '../auth/acting-user.js';
import type { FlashMessage } from './flash.js';
import type { Language } from './i18n.js';
import { formatDate, formatDateTime, type DateInput } from './dates.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      t: TFunction;
      lang: Language;
      currentUser: ActingUser | null;
      csrfToken: string;
      flash: FlashMessage[];
      currentPath: string;
      formatDate: (value: DateInput) => string;
      formatDateTime: (value: DateInput) => string;
      /** The current URL with ?lang= replaced, for the language switch links. */
      languageUrl: (lang: Language) => string;
    }
  }
}

function urlWithLanguage(originalUrl: string, lang: Language): string {
  const url = new URL(originalUrl, 'http://local');
  url.searchParams.set('lang', lang);
  return `${url.pathname}${url.search}`;
}

export function viewLocals(tz: string): RequestHandler {
  return (req, res, next) => {
    const lang = res.locals.lang;
    res.locals.currentUser = null;
    res.locals.currentPath = req.path;
    res.locals.csrfToken = '';
    res.locals.flash = [];
    res.locals.formatDate = (value) => formatDate(value, tz, lang);
    res.locals.formatDateTime = (value) => formatDateTime(value, tz, lang);
    res.locals.languageUrl = (target) => urlWithLanguage(req.originalUrl, target);
    next();
  };
}

export const currentUserLocal: RequestHandler = (req, res, next) => {
  res.locals.currentUser = req.user ?? null;
  next();
};
