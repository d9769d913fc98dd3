import type { Request, RequestHandler, Response } from 'express';
import { ROLES } from '../../auth/acting-user.js';
import { actingUser } from '../../auth/current-user.js';
import { ValidationError, type FieldErrors } from '../../http/errors.js';
import { setFlash } from '../../http/flash.js';
import { agencyOptions, agencyShortNames } from '../agencies/agency.lookup.js';
import { listBaseUrl, stringParam, submittedForm } from '../agencies/form-values.js';
import {
  EMPTY_USER_FORM,
  USER_FORM_FIELDS,
  presentUser,
  userFormValues,
  type UserFormValues,
} from './user.presenter.js';
import { createUser, getUser, listUsers, setUserActive, updateUser } from './user.service.js';
import { redirectedToLastPage } from '../../http/last-page.js';

/** HTML handlers of the user admin pages (/admin/pengguna). */

export const ADMIN_USERS_PATH = '/admin/pengguna';

export const listPage: RequestHandler = async (req, res) => {
  const actor = actingUser(req);
  const filters = {
    q: stringParam(req.query.q),
    agency: stringParam(req.query.agency),
    role: stringParam(req.query.role),
    active: stringParam(req.query.active),
  };
  const result = await listUsers(actor, { ...filters, page: stringParam(req.query.page) || undefined });
  if (redirectedToLastPage(req, res, result.page, result.totalPages)) return;
  const [names, agencies] = await Promise.all([agencyShortNames(result.items.map((u) => u.agencyId)), agencyOptions('all')]);
  res.render('users/list', {
    users: result.items.map((u) => presentUser(u, names.get(u.agencyId) ?? '')),
    selfId: actor.id,
    total: result.total,
    page: result.page,
    totalPages: result.totalPages,
    baseUrl: listBaseUrl(ADMIN_USERS_PATH, filters),
    filters,
    roles: ROLES,
    agencies,
  });
};

interface FormState {
  userId: string | null;
  form: UserFormValues;
  errors: FieldErrors;
}

async function renderForm(res: Response, state: FormState, status = 200): Promise<void> {
  res.status(status).render('users/form', {
    ...state,
    action: state.userId ? `${ADMIN_USERS_PATH}/${state.userId}` : ADMIN_USERS_PATH,
    roles: ROLES,
    agencies: await agencyOptions('active'),
  });
}

export const newPage: RequestHandler = async (_req, res) => {
  await renderForm(res, { userId: null, form: EMPTY_USER_FORM, errors: {} });
};

export const editPage: RequestHandler = async (req, res) => {
  const user = await getUser(actingUser(req), String(req.params.id));
  await renderForm(res, { userId: user.id, form: userFormValues(user), errors: {} });
};

/** Runs a form write; a ValidationError re-renders the form (422) with the input kept. */
async function submitForm(req: Request, res: Response, userId: string | null): Promise<void> {
  const actor = actingUser(req);
  try {
    if (userId) await updateUser(actor, userId, req.body);
    else await createUser(actor, req.body);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const form = submittedForm(req.body, USER_FORM_FIELDS);
    await renderForm(res, { userId, form, errors: error.details ?? {} }, 422);
    return;
  }
  setFlash(req, 'success', userId ? 'users:flash.updated' : 'users:flash.created');
  res.redirect(303, ADMIN_USERS_PATH);
}

export const createAction: RequestHandler = (req, res) => submitForm(req, res, null);

export const updateAction: RequestHandler = (req, res) => submitForm(req, res, String(req.params.id));

function activationAction(active: boolean): RequestHandler {
  return async (req, res) => {
    await setUserActive(actingUser(req), String(req.params.id), active);
    setFlash(req, 'success', active ? 'users:flash.reactivated' : 'users:flash.deactivated');
    res.redirect(303, ADMIN_USERS_PATH);
  };
}

export const deactivateAction = activationAction(false);
export const reactivateAction = activationAction(true);
