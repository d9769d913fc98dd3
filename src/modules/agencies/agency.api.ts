import type { RequestHandler } from 'express';
import { actingUser } from '../../auth/current-user.js';
import { pageJson } from './list-query.js';
import { agencyJson } from './agency.presenter.js';
import { createAgency, getAgency, listAgencies, updateAgency } from './agency.service.js';

/** JSON handlers under /api/v1/agencies. */

export const listAgenciesJson: RequestHandler = async (req, res) => {
  const result = await listAgencies(actingUser(req), req.query);
  res.json(pageJson(result, agencyJson));
};

export const getAgencyJson: RequestHandler = async (req, res) => {
  res.json({ data: agencyJson(await getAgency(actingUser(req), String(req.params.id))) });
};

export const createAgencyJson: RequestHandler = async (req, res) => {
  res.status(201).json({ data: agencyJson(await createAgency(actingUser(req), req.body)) });
};

export const updateAgencyJson: RequestHandler = async (req, res) => {
  res.json({ data: agencyJson(await updateAgency(actingUser(req), String(req.params.id), req.body)) });
};
