import type { Request, RequestHandler, Response } from 'express';
import { isAdmin } from '../../auth/acting-user.js';
import { actingUser } from '../../auth/current-user.js';
import { ValidationError, type FieldErrors } from '../../http/errors.js';
import { setFlash } from '../../http/flash.js';
import { agencyOptions } from '../agencies/agency.lookup.js';
import { listBaseUrl, stringParam } from '../agencies/form-values.js';
import { listProvinces } from '../regions/region.service.js';
import { listTopics } from '../topics/topic.service.js';
import { formFieldErrors, knowledgeLabels, statusFilterOptions, yearOptions } from './knowledge-pages.js';
import { KNOWLEDGE_STATUSES, PRACTICE_CATEGORIES, PRACTICE_STAGES } from './practice.model.js';
import {
  emptyPracticeForm,
  practiceFormInput,
  practiceFormValues,
  presentPractice,
  submittedPracticeForm,
  type PracticeFormValues,
} from './practice.presenter.js';
import { adoptionSourceOptions, listPractices } from './practice.queries.js';
import type { PracticeRecord } from './practice.record.js';
import { PRACTICE_SORTS } from './practice.schemas.js';
import { replicationCountsOf } from './replication-counts.js';
import { createPractice, deletePractice, purgePractice, getPracticeForEdit, restorePractice, updatePractice } from './practice.service.js';
import { redirectedToLastPage } from '../../http/last-page.js';

/** HTML handlers of the practice catalogue (/praktik). The detail page lives in practice.show.ts. */

export const PRACTICES_PATH = '/praktik';

const CONTACT_FIELDS = ['contact.name', 'contact.position', 'contact.email', 'contact.phone'];

/** Agency and topic names for presenting these practices in the reader's language. */
export function practiceLabels(practices: PracticeRecord[], lang: string) {
  return knowledgeLabels(practices.map((p) => p.ownerAgencyId), lang);
}

const FILTERS = ['q', 'agency', 'province', 'topic', 'year', 'stage', 'status', 'sort'] as const;

export const listPage: RequestHandler = async (req, res) => {
  const actor = actingUser(req);
  const filters = Object.fromEntries(FILTERS.map((f) => [f, stringParam(req.query[f])])) as Record<(typeof FILTERS)[number], string>;
  const [result, agencies, provinces, topics] = await Promise.all([
    listPractices(actor, { ...filters, page: stringParam(req.query.page) || undefined }),
    agencyOptions('all'),
    listProvinces(),
    listTopics(),
  ]);
  if (redirectedToLastPage(req, res, result.page, result.totalPages)) return;
  const [labels, replications] = await Promise.all([practiceLabels(result.items, res.locals.lang), replicationCountsOf(result.items)]);
  res.render('practices/list', {
    practices: result.items.map((p) => ({ ...presentPractice(p, labels), replications: replications.get(p.id) ?? 0 })),
    total: result.total,
    page: result.page,
    totalPages: result.totalPages,
    baseUrl: listBaseUrl(PRACTICES_PATH, filters),
    filters,
    agencies,
    provinces,
    topics,
    stages: PRACTICE_STAGES,
    statuses: statusFilterOptions(actor),
    sorts: PRACTICE_SORTS,
    years: yearOptions(),
  });
};

interface FormState {
  practiceId: string | null;
  form: PracticeFormValues;
  errors: FieldErrors;
}

async function renderForm(req: Request, res: Response, state: FormState, status = 200): Promise<void> {
  const actor = actingUser(req);
  const [agencies, topics, sources] = await Promise.all([agencyOptions('active'), listTopics(), adoptionSourceOptions(actor, state.practiceId)]);
  res.status(status).render('practices/form', {
    ...state,
    action: state.practiceId ? `${PRACTICES_PATH}/${state.practiceId}` : PRACTICES_PATH,
    cancelUrl: state.practiceId ? `${PRACTICES_PATH}/${state.practiceId}` : PRACTICES_PATH,
    chooseOwner: isAdmin(actor),
    agencies,
    topics,
    sources,
    categories: PRACTICE_CATEGORIES,
    stages: PRACTICE_STAGES,
    statuses: KNOWLEDGE_STATUSES,
  });
}

export const newPage: RequestHandler = async (req, res) => {
  await renderForm(req, res, { practiceId: null, form: emptyPracticeForm(actingUser(req).agencyId), errors: {} });
};

export const editPage: RequestHandler = async (req, res) => {
  const practice = await getPracticeForEdit(actingUser(req), String(req.params.id));
  await renderForm(req, res, { practiceId: practice.id, form: practiceFormValues(practice), errors: {} });
};

/** Runs a form write; a ValidationError re-renders the form (422) with the input kept. */
async function submitForm(req: Request, res: Response, practiceId: string | null): Promise<void> {
  const actor = actingUser(req);
  const body = (req.body ?? {}) as Record<string, unknown>;
  let saved: PracticeRecord;
  try {
    const input = practiceFormInput(body);
    saved = practiceId ? await updatePractice(actor, practiceId, input) : await createPractice(actor, input);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    await renderForm(req, res, { practiceId, form: submittedPracticeForm(body), errors: formFieldErrors(error.details ?? {}, CONTACT_FIELDS) }, 422);
    return;
  }
  setFlash(req, 'success', practiceId ? 'practices:flash.updated' : 'practices:flash.created');
  res.redirect(303, `${PRACTICES_PATH}/${saved.id}`);
}

export const createAction: RequestHandler = (req, res) => submitForm(req, res, null);
export const updateAction: RequestHandler = (req, res) => submitForm(req, res, String(req.params.id));

export const deleteAction: RequestHandler = async (req, res) => {
  await deletePractice(actingUser(req), String(req.params.id));
  setFlash(req, 'success', 'practices:flash.deleted');
  res.redirect(303, PRACTICES_PATH);
};

export const restoreAction: RequestHandler = async (req, res) => {
  const practice = await restorePractice(actingUser(req), String(req.params.id));
  setFlash(req, 'success', 'practices:flash.restored');
  res.redirect(303, `${PRACTICES_PATH}/${practice.id}`);
};

export const purgeAction: RequestHandler = async (req, res) => {
  await purgePractice(actingUser(req), String(req.params.id));
  setFlash(req, 'success', 'practices:flash.purged');
  res.redirect(303, PRACTICES_PATH);
};
