import type { RequestHandler } from 'express';
import { actingUser } from '../../auth/current-user.js';
import { pageJson } from '../agencies/list-query.js';
import { attachmentJson } from '../attachments/attachment.presenter.js';
import { listAttachmentsOf } from '../attachments/attachment.service.js';
import { listRevisions } from '../history/revision.service.js';
import { visitJson } from './visit.presenter.js';
import { createVisit, deleteVisit, getVisit, listVisits, purgeVisit, restoreVisit, updateVisit } from './visit.service.js';

/** JSON handlers under /api/v1/visits. Bodies use the field names of visitJson(). */

export const listVisitsJson: RequestHandler = async (req, res) => {
  const result = await listVisits(actingUser(req), req.query);
  res.json(pageJson(result, visitJson));
};

/** One visit with its attachments (the policy is checked by getVisit first). */
export const getVisitJson: RequestHandler = async (req, res) => {
  const visit = await getVisit(actingUser(req), String(req.params.id));
  const attachments = await listAttachmentsOf({ type: 'visit', id: visit.id });
  res.json({ data: { ...visitJson(visit), attachments: attachments.map(attachmentJson) } });
};

/** The revision history of a visit, newest first. */
export const listVisitRevisionsJson: RequestHandler = async (req, res) => {
  const visit = await getVisit(actingUser(req), String(req.params.id));
  const revisions = await listRevisions('visit', visit.id);
  res.json({ data: revisions.map((r) => ({ action: r.action, actorId: r.actorId, actorName: r.actorName, at: r.at.toISOString(), changes: r.changes })) });
};

export const createVisitJson: RequestHandler = async (req, res) => {
  res.status(201).json({ data: visitJson(await createVisit(actingUser(req), req.body)) });
};

export const updateVisitJson: RequestHandler = async (req, res) => {
  res.json({ data: visitJson(await updateVisit(actingUser(req), String(req.params.id), req.body)) });
};

/** Soft delete; `?permanent=true` (admins) deletes the visit with its files and history. */
export const deleteVisitJson: RequestHandler = async (req, res) => {
  const id = String(req.params.id);
  if (req.query.permanent === 'true') await purgeVisit(actingUser(req), id);
  else await deleteVisit(actingUser(req), id);
  res.status(204).end();
};

export const restoreVisitJson: RequestHandler = async (req, res) => {
  res.json({ data: visitJson(await restoreVisit(actingUser(req), String(req.params.id))) });
};
