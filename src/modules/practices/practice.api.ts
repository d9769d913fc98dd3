import type { RequestHandler } from 'express';
import { actingUser } from '../../auth/current-user.js';
import { practiceJson } from './practice.presenter.js';
import { listPractices } from './practice.queries.js';
import { createPractice, deletePractice, getPractice, restorePractice, updatePractice } from './practice.service.js';

/** JSON handlers under /api/v1/practices. */

export const listPracticesJson: RequestHandler = async (req, res) => {
  const result = await listPractices(actingUser(req), req.query);
  res.json({
    data: result.items.map(practiceJson),
    meta: { page: result.page, perPage: result.perPage, total: result.total, totalPages: result.totalPages },
  });
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

export const deletePracticeJson: RequestHandler = async (req, res) => {
  await deletePractice(actingUser(req), String(req.params.id));
  res.status(204).end();
};

export const restorePracticeJson: RequestHandler = async (req, res) => {
  res.json({ data: practiceJson(await restorePractice(actingUser(req), String(req.params.id))) });
};
