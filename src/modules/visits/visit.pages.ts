import type { Request, RequestHandler, Response } from 'express';
import { actingUser } from '../../auth/current-user.js';
import { ForbiddenError, ValidationError, type FieldErrors } from '../../http/errors.js';
import { setFlash } from '../../http/flash.js';
import { listBaseUrl, stringParam } from '../agencies/form-values.js';
import { attachmentLimitsOf } from '../attachments/attachment-upload.js';
import { presentAttachment } from '../attachments/attachment.presenter.js';
import { listAttachmentsOf } from '../attachments/attachment.service.js';
import { ACCEPT_ATTRIBUTE } from '../attachments/file-kinds.js';
import { emptyVisitForm, submittedVisitForm, visitFormToInput, visitFormValues, withSpareRows, type VisitFormValues } from './visit-form.js';
import { visitHistory } from './visit-history.js';
import { visitKnowledge } from './visit-knowledge.js';
import { agencyOptions, practiceOptions, presentContext, provinceOptions, topicOptions } from './visit-view-data.js';
import { VISIT_STATUSES } from './visit.model.js';
import { VISITS_PATH, visitPageUrl } from './visit.lookup.js';
import { canRestoreVisit, canStartVisit } from './visit.policy.js';
import { presentVisitDetail, presentVisitListItem } from './visit.presenter.js';
import { VISIT_SORTS } from './visit.schemas.js';
import { createVisit, deleteVisit, getVisit, listVisits, purgeVisit, restoreVisit, updateVisit, visitPermissions } from './visit.service.js';
import { redirectedToLastPage } from '../../http/last-page.js';

/** HTML handlers of /kunjungan. Every decision about who may do what is the service's. */

const FILTER_NAMES = ['agency', 'province', 'topic', 'year', 'status', 'deleted', 'sort'] as const;

export const listPage: RequestHandler = async (req, res) => {
  const actor = actingUser(req);
  const filters = Object.fromEntries(FILTER_NAMES.map((name) => [name, stringParam(req.query[name])])) as Record<(typeof FILTER_NAMES)[number], string>;
  const result = await listVisits(actor, { ...filters, page: stringParam(req.query.page) || undefined });
  if (redirectedToLastPage(req, res, result.page, result.totalPages)) return;
  const lang = res.locals.lang;
  const [context, agencies, provinces, topics] = await Promise.all([presentContext(result.items, lang), agencyOptions(), provinceOptions(), topicOptions(lang)]);
  res.render('visits/list', {
    visits: result.items.map((v) => presentVisitListItem(v, context)),
    total: result.total,
    page: result.page,
    totalPages: result.totalPages,
    baseUrl: listBaseUrl(VISITS_PATH, filters),
    filters,
    options: { agencies, provinces, topics, statuses: VISIT_STATUSES, sorts: VISIT_SORTS },
    canCreate: canStartVisit(actor),
    canSeeDeleted: canRestoreVisit(actor),
  });
};

interface FormState {
  visitId: string | null;
  form: VisitFormValues;
  errors: FieldErrors;
}

async function renderForm(req: Request, res: Response, state: FormState, status = 200): Promise<void> {
  const [agencies, topics, practices] = await Promise.all([agencyOptions(), topicOptions(res.locals.lang), practiceOptions(actingUser(req))]);
  res.status(status).render('visits/form', {
    ...state,
    form: withSpareRows(state.form),
    action: state.visitId ? visitPageUrl(state.visitId) : VISITS_PATH,
    cancelUrl: state.visitId ? visitPageUrl(state.visitId) : VISITS_PATH,
    options: { agencies, topics, practices, statuses: VISIT_STATUSES },
  });
}

export const newPage: RequestHandler = async (req, res) => {
  const actor = actingUser(req);
  if (!canStartVisit(actor)) throw new ForbiddenError();
  await renderForm(req, res, { visitId: null, form: emptyVisitForm(actor.agencyId), errors: {} });
};

export const editPage: RequestHandler = async (req, res) => {
  const actor = actingUser(req);
  const visit = await getVisit(actor, String(req.params.id));
  if (!visitPermissions(actor, visit).canEdit) throw new ForbiddenError();
  await renderForm(req, res, { visitId: visit.id, form: visitFormValues(visit), errors: {} });
};

/** Runs a form write; a ValidationError re-renders the form (422) with the input kept. */
async function submitForm(req: Request, res: Response, visitId: string | null): Promise<void> {
  const actor = actingUser(req);
  let savedId: string;
  try {
    const input = visitFormToInput(req.body);
    savedId = (visitId ? await updateVisit(actor, visitId, input) : await createVisit(actor, input)).id;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    await renderForm(req, res, { visitId, form: submittedVisitForm(req.body), errors: error.details ?? {} }, 422);
    return;
  }
  setFlash(req, 'success', visitId ? 'visits:flash.updated' : 'visits:flash.created');
  res.redirect(303, visitPageUrl(savedId));
}

export const createAction: RequestHandler = (req, res) => submitForm(req, res, null);
export const updateAction: RequestHandler = (req, res) => submitForm(req, res, String(req.params.id));

export const showPage: RequestHandler = async (req, res) => {
  const actor = actingUser(req);
  const visit = await getVisit(actor, String(req.params.id));
  const lang = res.locals.lang;
  const owner = { type: 'visit' as const, id: visit.id };
  const [context, attachments, revisions, knowledge] = await Promise.all([
    presentContext([visit], lang),
    listAttachmentsOf(owner),
    visitHistory(visit.id, res.locals),
    visitKnowledge(actor, visit.practiceIds, visit.id),
  ]);
  const limits = attachmentLimitsOf(req);
  const permissions = visitPermissions(actor, visit);
  res.render('visits/show', {
    visit: presentVisitDetail(visit, context),
    permissions,
    knowledge,
    attachmentList: {
      attachments: attachments.map((a) => presentAttachment(a, lang)),
      canEdit: permissions.canEdit,
      uploadAction: `${visitPageUrl(visit.id)}/lampiran`,
      accept: ACCEPT_ATTRIBUTE,
      maxFiles: limits.maxFiles,
      maxMb: Math.round((limits.maxBytes / (1024 * 1024)) * 10) / 10,
    },
    revisions,
  });
};

export const deleteAction: RequestHandler = async (req, res) => {
  await deleteVisit(actingUser(req), String(req.params.id));
  setFlash(req, 'success', 'visits:flash.deleted');
  res.redirect(303, VISITS_PATH);
};

export const restoreAction: RequestHandler = async (req, res) => {
  const visit = await restoreVisit(actingUser(req), String(req.params.id));
  setFlash(req, 'success', 'visits:flash.restored');
  res.redirect(303, visitPageUrl(visit.id));
};

export const purgeAction: RequestHandler = async (req, res) => {
  await purgeVisit(actingUser(req), String(req.params.id));
  setFlash(req, 'success', 'visits:flash.purged');
  res.redirect(303, VISITS_PATH);
};
