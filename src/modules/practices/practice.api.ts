import type { RequestHandler } from 'express';
import { actingUser } from '../../auth/current-user.js';
import { pageJson } from '../agencies/list-query.js';
import { practiceJson } from './practice.presenter.js';
import { listPractices } from './practice.queries.js';
import { replicationCountsOf } from './replication-counts.js';
import { createPractice, deletePractice, purgePractice, getPractice, restorePractice, updatePractice } from './practice.service.js';

/** JSON handlers under /api/v1/practices. */

export const listPracticesJson: RequestHandler = async (req, res) => {
  const result = await listPractices(actingUser(req), req.query);
  const replications = await replicationCountsOf(result.items);
  res.json(pageJson(result, (p) => ({ ...practiceJson(p), replications: replications.get(p.id) ?? 0 })));
};

export const getPracticeJson: RequestHandler = async (req, res) => {
  res.json({ data: practiceJson(await getPractice(actingUser(req), String(req.params.id))) });
};

export const createPracticeJson: RequestHandler = async (req, res) => {
  res.status(201).json({ data: practiceJson(await createPractice(actingUser(req), req.body)) });
};

export const updatePracticeJson: RequestHandler = async (req, res) => {
  res.json({ data: practiceJson(await updatePractice(actingUser(req), String(req.params.id), req.body)) });
};

/** Soft delete; `?permanent=true` deletes for good with the files (admins only). */
export const deletePracticeJson: RequestHandler = async (req, res) => {
  const id = String(req.params.id);
  await (req.query.permanent === 'true' ? purgePractice(actingUser(req), id) : deletePractice(actingUser(req), id));
  res.status(204).end();
};

export const restorePracticeJson: RequestHandler = async (req, res) => {
  res.json({ data: practiceJson(await restorePractice(actingUser(req), String(req.params.id))) });
};
