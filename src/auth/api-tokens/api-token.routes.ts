/** The "Token API pribadi" page of the profile: list, create (shown once) and revoke. */
import type { Request, RequestHandler, Response } from 'express';
import type { RouteDef } from '../../http/routes.js';
import { actingUser } from '../current-user.js';
import { setFlash } from '../../http/flash.js';
import { AppError, ValidationError } from '../../http/errors.js';
import { MAX_TOKENS_PER_USER, createApiToken, listApiTokens, revokeApiToken } from './api-token.service.js';

const PAGE = '/profil/token-api';

async function renderPage(req: Request, res: Response, status: number, extra: { created?: { token: string; name: string }; name?: string; errors?: Record<string, string>; message?: string }) {
  res.status(status).render('auth/tokens', {
    tokens: await listApiTokens(actingUser(req)),
    created: extra.created ?? null,
    name: extra.name ?? '',
    errors: extra.errors ?? {},
    message: extra.message ?? null,
    maxTokens: MAX_TOKENS_PER_USER,
  });
}

const showTokens: RequestHandler = async (req, res) => {
  res.set('Cache-Control', 'no-store');
  await renderPage(req, res, 200, {});
};

const createToken: RequestHandler = async (req, res) => {
  const body = (req.body ?? {}) as Record<string, unknown>;
  try {
    const created = await createApiToken(actingUser(req), body);
    // Rendered directly (not redirected) so the clear-text token never sits in the session.
    res.set('Cache-Control', 'no-store');
    await renderPage(req, res, 201, { created });
  } catch (err) {
    if (!(err instanceof ValidationError) && !(err instanceof AppError && err.status === 409)) throw err;
    const name = typeof body.name === 'string' ? body.name : '';
    await renderPage(req, res, err.status, { name, errors: err.details ?? {}, message: err instanceof ValidationError ? undefined : err.message });
  }
};

const revokeToken: RequestHandler = async (req, res) => {
  await revokeApiToken(actingUser(req), String(req.params.id));
  setFlash(req, 'success', 'auth:tokens.revoked');
  res.redirect(303, PAGE);
};

export const apiTokenRoutes: RouteDef[] = [
  { method: 'get', path: PAGE, access: 'user', summary: 'Personal API tokens', handlers: [showTokens] },
  { method: 'post', path: PAGE, access: 'user', summary: 'Create a personal API token', handlers: [createToken] },
  { method: 'post', path: `${PAGE}/:id/cabut`, access: 'user', summary: 'Revoke a personal API token', handlers: [revokeToken] },
];
