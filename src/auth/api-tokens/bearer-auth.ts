/**
 * `Authorization: Bearer <token>` authenticates API requests. When the header is present it is
 * the only credential considered (the session is ignored), which is why such requests may skip
 * CSRF. Outside /api/v1 tokens are refused.
 */
import type { RequestHandler } from 'express';
import { bearerTokenOf } from '../../http/bearer.js';
import { UnauthorizedError } from '../../http/errors.js';
import { API_PREFIX } from '../../http/mount.js';
import { authenticateApiToken } from './api-token.service.js';

export const bearerAuth: RequestHandler = async (req, _res, next) => {
  const token = bearerTokenOf(req);
  if (token === undefined) return next();
  if (!req.path.startsWith(`${API_PREFIX}/`)) return next(new UnauthorizedError('errors.token_only_api'));
  const user = await authenticateApiToken(token);
  if (!user) return next(new UnauthorizedError('errors.invalid_token'));
  req.user = user;
  next();
};
