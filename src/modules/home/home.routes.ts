/** The signed-in start page: where to go next, and the newest good practices from every region. */
import type { RequestHandler } from 'express';
import { actingUser } from '../../auth/current-user.js';
import type { RouteDef } from '../../http/routes.js';
import { canCreateKnowledge } from '../practices/knowledge-policy.js';
import { practiceLabels } from '../practices/practice.pages.js';
import { presentPractice } from '../practices/practice.presenter.js';
import { listPractices } from '../practices/practice.queries.js';
import { canStartVisit } from '../visits/visit.policy.js';

/** How many of the newest published practices the start page shows. */
const NEWEST_PRACTICES = 5;

const showHome: RequestHandler = async (req, res) => {
  const user = actingUser(req);
  const newest = await listPractices(user, { status: 'published', sort: 'newest', perPage: NEWEST_PRACTICES });
  const labels = await practiceLabels(newest.items, res.locals.lang);
  res.render('home', {
    user,
    today: new Date(),
    canRecordVisit: canStartVisit(user),
    canRecordKnowledge: canCreateKnowledge(user),
    practices: newest.items.map((p) => presentPractice(p, labels)),
    practiceTotal: newest.total,
  });
};

export const homeRoutes: RouteDef[] = [{ method: 'get', path: '/', access: 'user', summary: 'Start page', handlers: [showHome] }];
