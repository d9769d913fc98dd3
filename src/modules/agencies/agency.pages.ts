import type { Request, RequestHandler, Response } from 'express';
import { actingUser } from '../../auth/current-user.js';
import { ValidationError, type FieldErrors } from '../../http/errors.js';
import { setFlash } from '../../http/flash.js';
import { listProvinces, listRegionsByProvince } from '../regions/region.service.js';
import { AGENCY_LEVELS } from './agency.model.js';
import {
  AGENCY_FORM_FIELDS,
  EMPTY_AGENCY_FORM,
  agencyFormValues,
  presentAgency,
  type AgencyFormValues,
} from './agency.presenter.js';
import { createAgency, getAgency, listAgencies, setAgencyActive, updateAgency } from './agency.service.js';
import { listBaseUrl, stringParam, submittedForm } from './form-values.js';
import { redirectedToLastPage } from '../../http/last-page.js';

/** HTML handlers of the agency admin pages (/admin/instansi). */

export const ADMIN_AGENCIES_PATH = '/admin/instansi';

export const listPage: RequestHandler = async (req, res) => {
  const filters = {
    q: stringParam(req.query.q),
    level: stringParam(req.query.level),
    province: stringParam(req.query.province),
    active: stringParam(req.query.active),
  };
  const [result, provinces] = await Promise.all([
    listAgencies(actingUser(req), { ...filters, page: stringParam(req.query.page) || undefined }),
    listProvinces(),
  ]);
  if (redirectedToLastPage(req, res, result.page, result.totalPages)) return;
  res.render('agencies/list', {
    agencies: result.items.map(presentAgency),
    total: result.total,
    page: result.page,
    totalPages: result.totalPages,
    baseUrl: listBaseUrl(ADMIN_AGENCIES_PATH, filters),
    filters,
    levels: AGENCY_LEVELS,
    provinces,
  });
};

interface FormState {
  agencyId: string | null;
  form: AgencyFormValues;
  errors: FieldErrors;
}

async function renderForm(res: Response, state: FormState, status = 200): Promise<void> {
  res.status(status).render('agencies/form', {
    ...state,
    action: state.agencyId ? `${ADMIN_AGENCIES_PATH}/${state.agencyId}` : ADMIN_AGENCIES_PATH,
    levels: AGENCY_LEVELS,
    regionGroups: await listRegionsByProvince(),
  });
}

export const newPage: RequestHandler = async (_req, res) => {
  await renderForm(res, { agencyId: null, form: EMPTY_AGENCY_FORM, errors: {} });
};

export const editPage: RequestHandler = async (req, res) => {
  const agency = await getAgency(actingUser(req), String(req.params.id));
  await renderForm(res, { agencyId: agency.id, form: agencyFormValues(agency), errors: {} });
};

/** Runs a form write; a ValidationError re-renders the form (422) with the input kept. */
async function submitForm(req: Request, res: Response, agencyId: string | null): Promise<void> {
  const actor = actingUser(req);
  try {
    if (agencyId) await updateAgency(actor, agencyId, req.body);
    else await createAgency(actor, req.body);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const form = submittedForm(req.body, AGENCY_FORM_FIELDS);
    await renderForm(res, { agencyId, form, errors: error.details ?? {} }, 422);
    return;
  }
  setFlash(req, 'success', agencyId ? 'agencies:flash.updated' : 'agencies:flash.created');
  res.redirect(303, ADMIN_AGENCIES_PATH);
}

export const createAction: RequestHandler = (req, res) => submitForm(req, res, null);

export const updateAction: RequestHandler = (req, res) => submitForm(req, res, String(req.params.id));

function activationAction(active: boolean): RequestHandler {
  return async (req, res) => {
    await setAgencyActive(actingUser(req), String(req.params.id), active);
    setFlash(req, 'success', active ? 'agencies:flash.reactivated' : 'agencies:flash.deactivated');
    res.redirect(303, ADMIN_AGENCIES_PATH);
  };
}

export const deactivateAction = activationAction(false);
export const reactivateAction = activationAction(true);
