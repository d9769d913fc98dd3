import type { RouteDef } from '../../http/routes.js';
import { createAgencyJson, getAgencyJson, listAgenciesJson, updateAgencyJson } from './agency.api.js';
import {
  ADMIN_AGENCIES_PATH as BASE,
  createAction,
  deactivateAction,
  editPage,
  listPage,
  newPage,
  reactivateAction,
  updateAction,
} from './agency.pages.js';
import { agencyActiveSchema, agencyInputSchema, agencyListQuerySchema } from './agency.schemas.js';

/** Admin pages for agencies and the agency API. The service checks the policy again on every call. */
export const agencyRoutes: RouteDef[] = [
  { method: 'get', path: BASE, access: 'admin', summary: 'List agencies', handlers: [listPage] },
  { method: 'get', path: `${BASE}/baru`, access: 'admin', summary: 'New agency form', handlers: [newPage] },
  { method: 'post', path: BASE, access: 'admin', summary: 'Create an agency', handlers: [createAction] },
  { method: 'get', path: `${BASE}/:id/ubah`, access: 'admin', summary: 'Edit agency form', handlers: [editPage] },
  { method: 'post', path: `${BASE}/:id`, access: 'admin', summary: 'Update an agency', handlers: [updateAction] },
  { method: 'post', path: `${BASE}/:id/nonaktifkan`, access: 'admin', summary: 'Deactivate an agency', handlers: [deactivateAction] },
  { method: 'post', path: `${BASE}/:id/aktifkan`, access: 'admin', summary: 'Reactivate an agency', handlers: [reactivateAction] },
  { method: 'get', path: '/agencies', access: 'user', api: true, summary: 'List agencies (search, filters, pages)', handlers: [listAgenciesJson], openapi: { query: agencyListQuerySchema } },
  { method: 'get', path: '/agencies/:id', access: 'user', api: true, summary: 'Get one agency', handlers: [getAgencyJson] },
  { method: 'post', path: '/agencies', access: 'admin', api: true, summary: 'Create an agency', handlers: [createAgencyJson], openapi: { body: agencyInputSchema } },
  // The fields given replace the stored ones (updateAgency).
  { method: 'patch', path: '/agencies/:id', access: 'admin', api: true, summary: 'Update or (de)activate an agency', handlers: [updateAgencyJson], openapi: { body: agencyInputSchema.partial().merge(agencyActiveSchema) } },
];
