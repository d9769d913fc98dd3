/**
 * Minimal cookie reading: fills req.cookies from the Cookie header (csrf-csrf reads it there).
 * Values are URI-decoded; malformed ones are skipped rather than failing the request.
 */
import type { RequestHandler } from 'express';

export function parseCookieHeader(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    if (name in cookies) continue; // the first (most specific path) wins, as in browsers
    try {
      cookies[name] = decodeURIComponent(raw);
    } catch {
      // not URI-encoded as expected: ignore this cookie
    }
  }
  return cookies;
}

export const readCookies: RequestHandler = (req, _res, next) => {
  req.cookies = parseCookieHeader(req.headers.cookie);
  next();
};
