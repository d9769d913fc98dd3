import type { Request, RequestHandler, Response } from 'express';
import { actingUser } from '../../auth/current-user.js';
import { ValidationError, type FieldErrors } from '../../http/errors.js';
import { setFlash } from '../../http/flash.js';
import { submittedForm } from '../agencies/form-values.js';
import { createTopic, updateTopic } from './topic.admin.js';
import { getTopic, listAllTopics } from './topic.service.js';
import { topicUsageCounts } from './topic.usage.js';

/** HTML handlers of the topic admin pages (/admin/topik); the services check the admin role again. */

export const ADMIN_TOPICS_PATH = '/admin/topik';

const NEW_TOPIC_FIELDS = ['code', 'name', 'nameEn'] as const;
const RENAME_FIELDS = ['name', 'nameEn'] as const;

type TopicForm = Record<(typeof NEW_TOPIC_FIELDS)[number], string>;

export const listPage: RequestHandler = async (_req, res) => {
  const [topics, usage] = await Promise.all([listAllTopics(), topicUsageCounts()]);
  res.render('topics/list', { topics: topics.map((topic) => ({ ...topic, usage: usage.get(topic.code) ?? 0 })) });
};

/** `code` is null for the new-topic form; on the rename form the code is shown, not editable. */
interface FormState {
  code: string | null;
  form: TopicForm;
  errors: FieldErrors;
}

function renderForm(res: Response, state: FormState, status = 200): void {
  res.status(status).render('topics/form', {
    ...state,
    action: state.code ? `${ADMIN_TOPICS_PATH}/${encodeURIComponent(state.code)}` : ADMIN_TOPICS_PATH,
  });
}

export const newPage: RequestHandler = (_req, res) => {
  renderForm(res, { code: null, form: { code: '', name: '', nameEn: '' }, errors: {} });
};

export const renamePage: RequestHandler = async (req, res) => {
  const topic = await getTopic(String(req.params.code));
  renderForm(res, { code: topic.code, form: { code: topic.code, name: topic.name, nameEn: topic.nameEn }, errors: {} });
};

/** Runs a form write; a ValidationError re-renders the form (422) with the input kept. */
async function submitForm(req: Request, res: Response, code: string | null): Promise<void> {
  const actor = actingUser(req);
  try {
    if (code) await updateTopic(actor, code, submittedForm(req.body, RENAME_FIELDS));
    else await createTopic(actor, req.body);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const form = { ...submittedForm(req.body, NEW_TOPIC_FIELDS), ...(code ? { code } : {}) };
    renderForm(res, { code, form, errors: error.details ?? {} }, 422);
    return;
  }
  setFlash(req, 'success', code ? 'topics:flash.renamed' : 'topics:flash.created');
  res.redirect(303, ADMIN_TOPICS_PATH);
}

export const createAction: RequestHandler = (req, res) => submitForm(req, res, null);

export const renameAction: RequestHandler = (req, res) => submitForm(req, res, String(req.params.code));

function activationAction(active: boolean): RequestHandler {
  return async (req, res) => {
    await updateTopic(actingUser(req), String(req.params.code), { active });
    setFlash(req, 'success', active ? 'topics:flash.reactivated' : 'topics:flash.retired');
    res.redirect(303, ADMIN_TOPICS_PATH);
  };
}

export const retireAction = activationAction(false);
export const reactivateAction = activationAction(true);
