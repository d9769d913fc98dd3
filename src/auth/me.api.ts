/** GET /api/v1/me: the acting user, so an API client can check whose token it holds. */
import type { RequestHandler } from 'express';
import type { RouteDef } from '../http/routes.js';
import { actingUser } from './current-user.js';

const me: RequestHandler = (req, res) => {
  const { id, name, email, role, agencyId } = actingUser(req);
  res.json({ data: { id, name, email, role, agencyId } });
};

export const meApiRoutes: RouteDef[] = [{ method: 'get', path: '/me', access: 'user', api: true, summary: 'The signed-in user (session or API token)', handlers: [me] }];
