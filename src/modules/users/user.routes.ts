import type { RouteDef } from '../../http/routes.js';
import { getUserJson, listUsersJson } from './user.api.js';
import {
  ADMIN_USERS_PATH as BASE,
  createAction,
  deactivateAction,
  editPage,
  listPage,
  newPage,
  reactivateAction,
  updateAction,
} from './user.pages.js';
import { userListQuerySchema } from './user.schemas.js';

/** Admin pages for user accounts and the user API. The service checks the policy again on every call. */
export const userRoutes: RouteDef[] = [
  { method: 'get', path: BASE, access: 'admin', summary: 'List users', handlers: [listPage] },
  { method: 'get', path: `${BASE}/baru`, access: 'admin', summary: 'New user form', handlers: [newPage] },
  { method: 'post', path: BASE, access: 'admin', summary: 'Create a user', handlers: [createAction] },
  { method: 'get', path: `${BASE}/:id/ubah`, access: 'admin', summary: 'Edit user form', handlers: [editPage] },
  { method: 'post', path: `${BASE}/:id`, access: 'admin', summary: 'Update a user', handlers: [updateAction] },
  { method: 'post', path: `${BASE}/:id/nonaktifkan`, access: 'admin', summary: 'Deactivate a user', handlers: [deactivateAction] },
  { method: 'post', path: `${BASE}/:id/aktifkan`, access: 'admin', summary: 'Reactivate a user', handlers: [reactivateAction] },
  { method: 'get', path: '/users', access: 'admin', api: true, summary: 'List users (search, filters, pages)', handlers: [listUsersJson], openapi: { query: userListQuerySchema } },
  // Any signed-in user may ask; the service allows administrators and the user themself.
  { method: 'get', path: '/users/:id', access: 'user', api: true, summary: 'Get one user (admin or self)', handlers: [getUserJson] },
];
