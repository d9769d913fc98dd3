import type { RequestHandler } from 'express';
import { actingUser } from '../../auth/current-user.js';
import { pageJson } from '../agencies/list-query.js';
import { agencyShortNames } from '../agencies/agency.lookup.js';
import { userJson } from './user.presenter.js';
import { getUser, listUsers } from './user.service.js';

/** JSON handlers under /api/v1/users. */

export const listUsersJson: RequestHandler = async (req, res) => {
  const result = await listUsers(actingUser(req), req.query);
  const names = await agencyShortNames(result.items.map((u) => u.agencyId));
  res.json(pageJson(result, (u) => userJson(u, names.get(u.agencyId) ?? '')));
};

export const getUserJson: RequestHandler = async (req, res) => {
  const user = await getUser(actingUser(req), String(req.params.id));
  const names = await agencyShortNames([user.agencyId]);
  res.json({ data: userJson(user, names.get(user.agencyId) ?? '') });
};
