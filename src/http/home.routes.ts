/** The signed-in start page: who you are and where to go; real features arrive in later issues. */
import type { RequestHandler } from 'express';
import type { RouteDef } from './routes.js';
import { actingUser } from '../auth/current-user.js';

const showHome: RequestHandler = (req, res) => {
  res.render('home', { user: actingUser(req), today: new Date() });
};

export const homeRoutes: RouteDef[] = [{ method: 'get', path: '/', access: 'user', summary: 'Start page', handlers: [showHome] }];
