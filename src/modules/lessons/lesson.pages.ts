import type { Request, RequestHandler, Response } from 'express';
import { isAdmin } from '../../auth/acting-user.js';
import { actingUser } from '../../auth/current-user.js';
import { ValidationError, type FieldErrors } from '../../http/errors.js';
import { setFlash } from '../../http/flash.js';
import { agencyOptions } from '../agencies/agency.lookup.js';
import { listBaseUrl, stringParam } from '../agencies/form-values.js';
import { formFieldErrors, knowledgeLabels, statusFilterOptions, yearOptions } from '../practices/knowledge-pages.js';
import { KNOWLEDGE_STATUSES } from '../practices/practice.model.js';
import { adoptionSourceOptions } from '../practices/practice.queries.js';
import { visitChoicesForLesson } from '../practices/visit-links.js';
import { listProvinces } from '../regions/region.service.js';
import { listTopics } from '../topics/topic.service.js';
import { lessonFormInput, lessonFormValues, presentLesson, submittedLessonForm, type LessonFormValues } from './lesson.presenter.js';
import { listLessons } from './lesson.queries.js';
import type { LessonRecord } from './lesson.record.js';
import { LESSON_SORTS } from './lesson.schemas.js';
import { createLesson, deleteLesson, purgeLesson, getLessonForEdit, restoreLesson, updateLesson } from './lesson.service.js';
import { redirectedToLastPage } from '../../http/last-page.js';

/** HTML handlers of the lessons (/pelajaran). The detail page lives in lesson.show.ts. */

export const LESSONS_PATH = '/pelajaran';

export function lessonLabels(lessons: LessonRecord[], lang: string) {
  return knowledgeLabels(lessons.map((l) => l.recorderAgencyId), lang);
}

const FILTERS = ['q', 'agency', 'province', 'topic', 'year', 'status', 'sort'] as const;

export const listPage: RequestHandler = async (req, res) => {
  const actor = actingUser(req);
  const filters = Object.fromEntries(FILTERS.map((f) => [f, stringParam(req.query[f])])) as Record<(typeof FILTERS)[number], string>;
  const [result, agencies, provinces, topics] = await Promise.all([
    listLessons(actor, { ...filters, page: stringParam(req.query.page) || undefined }),
    agencyOptions('all'),
    listProvinces(),
    listTopics(),
  ]);
  if (redirectedToLastPage(req, res, result.page, result.totalPages)) return;
  const labels = await lessonLabels(result.items, res.locals.lang);
  res.render('lessons/list', {
    lessons: result.items.map((l) => presentLesson(l, labels)),
    total: result.total,
    page: result.page,
    totalPages: result.totalPages,
    baseUrl: listBaseUrl(LESSONS_PATH, filters),
    filters,
    agencies,
    provinces,
    topics,
    statuses: statusFilterOptions(actor),
    sorts: LESSON_SORTS,
    years: yearOptions(),
  });
};

interface FormState {
  lessonId: string | null;
  form: LessonFormValues;
  errors: FieldErrors;
}

async function renderForm(req: Request, res: Response, state: FormState, status = 200): Promise<void> {
  const actor = actingUser(req);
  const [agencies, topics, practices, visits] = await Promise.all([
    agencyOptions('active'),
    listTopics(),
    adoptionSourceOptions(actor, null),
    visitChoicesForLesson(actor),
  ]);
  res.status(status).render('lessons/form', {
    ...state,
    action: state.lessonId ? `${LESSONS_PATH}/${state.lessonId}` : LESSONS_PATH,
    cancelUrl: state.lessonId ? `${LESSONS_PATH}/${state.lessonId}` : LESSONS_PATH,
    chooseRecorder: isAdmin(actor),
    agencies,
    topics,
    practices,
    visits,
    statuses: KNOWLEDGE_STATUSES,
  });
}

/** A new lesson may start from a visit or practice page: ?visitId=…&practiceIds=… pre-fill the form. */
export const newPage: RequestHandler = async (req, res) => {
  const form = submittedLessonForm({ ...req.query, recorderAgencyId: actingUser(req).agencyId });
  await renderForm(req, res, { lessonId: null, form, errors: {} });
};

export const editPage: RequestHandler = async (req, res) => {
  const lesson = await getLessonForEdit(actingUser(req), String(req.params.id));
  await renderForm(req, res, { lessonId: lesson.id, form: lessonFormValues(lesson), errors: {} });
};

async function submitForm(req: Request, res: Response, lessonId: string | null): Promise<void> {
  const actor = actingUser(req);
  const body = (req.body ?? {}) as Record<string, unknown>;
  let saved: LessonRecord;
  try {
    const input = lessonFormInput(body);
    saved = lessonId ? await updateLesson(actor, lessonId, input) : await createLesson(actor, input);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    await renderForm(req, res, { lessonId, form: submittedLessonForm(body), errors: formFieldErrors(error.details ?? {}) }, 422);
    return;
  }
  setFlash(req, 'success', lessonId ? 'lessons:flash.updated' : 'lessons:flash.created');
  res.redirect(303, `${LESSONS_PATH}/${saved.id}`);
}

export const createAction: RequestHandler = (req, res) => submitForm(req, res, null);
export const updateAction: RequestHandler = (req, res) => submitForm(req, res, String(req.params.id));

export const deleteAction: RequestHandler = async (req, res) => {
  await deleteLesson(actingUser(req), String(req.params.id));
  setFlash(req, 'success', 'lessons:flash.deleted');
  res.redirect(303, LESSONS_PATH);
};

export const restoreAction: RequestHandler = async (req, res) => {
  const lesson = await restoreLesson(actingUser(req), String(req.params.id));
  setFlash(req, 'success', 'lessons:flash.restored');
  res.redirect(303, `${LESSONS_PATH}/${lesson.id}`);
};

export const purgeAction: RequestHandler = async (req, res) => {
  await purgeLesson(actingUser(req), String(req.params.id));
  setFlash(req, 'success', 'lessons:flash.purged');
  res.redirect(303, LESSONS_PATH);
};
