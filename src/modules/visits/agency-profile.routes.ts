import type { RequestHandler } from 'express';
import mongoose from 'mongoose';
import { actingUser } from '../../auth/current-user.js';
import { NotFoundError } from '../../http/errors.js';
import type { RouteDef } from '../../http/routes.js';
import { presentAgency } from '../agencies/agency.presenter.js';
import { getAgency } from '../agencies/agency.service.js';
import { visitsOfAgency, type CounterpartGroup } from './agency-visits.js';
import { agencyKnowledge } from './visit-knowledge.js';
import { presentContext } from './visit-view-data.js';
import { presentVisitListItem, type VisitPresentContext } from './visit.presenter.js';

/** GET /instansi/:id — an agency as every signed-in user sees it: both sides of its visits, its practices and lessons. */
const agencyProfilePage: RequestHandler = async (req, res) => {
  const actor = actingUser(req);
  const id = String(req.params.id);
  if (!mongoose.isValidObjectId(id)) throw new NotFoundError();
  const agency = await getAgency(actor, id);
  const [visits, knowledge] = await Promise.all([visitsOfAgency(actor, id), agencyKnowledge(actor, id)]);
  const context = await presentContext(visits.all, res.locals.lang);
  const present = (groups: CounterpartGroup[], ctx: VisitPresentContext) =>
    groups.map((g) => ({
      counterpart: { id: g.counterpartId, shortName: ctx.agencies.get(g.counterpartId)?.shortName ?? '—', url: `/instansi/${g.counterpartId}` },
      visits: g.visits.map((v) => presentVisitListItem(v, ctx)),
    }));
  res.render('agencies/show', {
    agency: presentAgency(agency),
    sent: present(visits.sent, context),
    received: present(visits.received, context),
    knowledge,
  });
};

export const agencyProfileRoutes: RouteDef[] = [
  { method: 'get', path: '/instansi/:id', access: 'user', summary: 'Agency page: visits sent and received, practices, lessons', handlers: [agencyProfilePage] },
];
