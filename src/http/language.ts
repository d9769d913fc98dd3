/**
 * Chooses the reader's language: ?lang=id|en (the switch in the header) remembered in a cookie,
 * else the cookie (needs readCookies first), else Bahasa Indonesia. Only a display preference, so a GET may set it.
 */
import type { RequestHandler } from 'express';
import type { i18n } from 'i18next';
import { DEFAULT_LANGUAGE, isLanguage, translators, type Language } from './i18n.js';

export const LANGUAGE_COOKIE = 'lang';
const ONE_YEAR_MS = 365 * 24 * 60 * 60 * 1000;

export function languageMiddleware(i18n: i18n): RequestHandler {
  const translatorOf = translators(i18n);
  return (req, res, next) => {
    const requested = req.query.lang;
    let lang: Language = DEFAULT_LANGUAGE;
    if (isLanguage(requested)) {
      lang = requested;
      res.cookie(LANGUAGE_COOKIE, lang, { maxAge: ONE_YEAR_MS, httpOnly: true, sameSite: 'lax', secure: req.secure });
    } else {
      const remembered = req.cookies?.[LANGUAGE_COOKIE];
      if (isLanguage(remembered)) lang = remembered;
    }
    res.locals.lang = lang;
    res.locals.t = translatorOf(lang);
    next();
  };
}
