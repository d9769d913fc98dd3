import type { Request, Response } from 'express';

/**
 * A list asked for past its last page (an old link, a list that has since shrunk) is sent to its
 * last page, rather than showing "47 kunjungan" above "nothing matches". True when redirected.
 */
export function redirectedToLastPage(req: Request, res: Response, page: number, totalPages: number): boolean {
  if (totalPages < 1 || page <= totalPages) return false;
  // Only the path and query of the request are kept: the redirect never leaves the site.
  const url = new URL(req.originalUrl, 'http://list.invalid');
  url.searchParams.set('page', String(totalPages));
  res.redirect(`${url.pathname}${url.search}`);
  return true;
}
