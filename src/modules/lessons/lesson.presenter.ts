import { renderMarkdown } from '../../http/markdown.js';
import { dateOnlyString } from '../practices/knowledge-fields.js';
import type { KnowledgeLabels } from '../practices/knowledge-pages.js';
import type { LessonRecord } from './lesson.record.js';

/** Plain strings and i18n keys for the views; the three texts are Markdown, rendered and sanitised. */
export interface LessonView {
  id: string;
  title: string;
  observationHtml: string;
  lessonHtml: string;
  recommendationHtml: string;
  /** First line of the lesson, plain, for lists. */
  excerpt: string;
  appliesTo: string;
  visitId: string | null;
  topics: string[];
  tags: string[];
  observedOn: Date | null;
  recorderAgencyId: string;
  recorderAgencyName: string;
  recordedByName: string;
  statusKey: string;
  draft: boolean;
  deleted: boolean;
}

export function presentLesson(lesson: LessonRecord, labels: KnowledgeLabels): LessonView {
  return {
    id: lesson.id,
    title: lesson.title,
    observationHtml: renderMarkdown(lesson.observation),
    lessonHtml: renderMarkdown(lesson.lesson),
    recommendationHtml: renderMarkdown(lesson.recommendation),
    excerpt: lesson.lesson.split('\n')[0]?.slice(0, 200) ?? '',
    appliesTo: lesson.appliesTo,
    visitId: lesson.visitId,
    topics: lesson.topics.map((code) => labels.topicNames.get(code) ?? code),
    tags: lesson.tags,
    observedOn: lesson.observedOn,
    recorderAgencyId: lesson.recorderAgencyId,
    recorderAgencyName: labels.agencyNames.get(lesson.recorderAgencyId) ?? '',
    recordedByName: lesson.recordedByName,
    statusKey: `practices:statuses.${lesson.status}`,
    draft: lesson.status === 'draft',
    deleted: lesson.deletedAt !== null,
  };
}

export interface LessonFormValues {
  title: string;
  observation: string;
  lesson: string;
  recommendation: string;
  appliesTo: string;
  visitId: string;
  practiceIds: string[];
  topics: string[];
  tags: string;
  observedOn: string;
  recorderAgencyId: string;
  status: string;
}

export const LESSON_TEXT_FIELDS = ['title', 'observation', 'lesson', 'recommendation', 'appliesTo', 'visitId', 'tags', 'observedOn', 'recorderAgencyId', 'status'] as const;

export function lessonFormValues(l: LessonRecord): LessonFormValues {
  return {
    title: l.title,
    observation: l.observation,
    lesson: l.lesson,
    recommendation: l.recommendation,
    appliesTo: l.appliesTo,
    visitId: l.visitId ?? '',
    practiceIds: l.practiceIds,
    topics: l.topics,
    tags: l.tags.join(', '),
    observedOn: dateOnlyString(l.observedOn) ?? '',
    recorderAgencyId: l.recorderAgencyId,
    status: l.status,
  };
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const list = (v: unknown) => (Array.isArray(v) ? v.map(text) : typeof v === 'string' && v !== '' ? [v] : []);

/** What was typed (or the defaults of a new form, from the query: ?visitId=…&practiceIds=…). */
export function submittedLessonForm(body: Record<string, unknown>): LessonFormValues {
  const values = Object.fromEntries(LESSON_TEXT_FIELDS.map((f) => [f, text(body[f])])) as Record<(typeof LESSON_TEXT_FIELDS)[number], string>;
  return { ...values, practiceIds: list(body.practiceIds), topics: list(body.topics), status: values.status || 'draft' };
}

/** Form body → service input: unticked lists are empty lists. */
export function lessonFormInput(body: Record<string, unknown>): Record<string, unknown> {
  return { ...body, practiceIds: body.practiceIds ?? [], topics: body.topics ?? [] };
}

export function lessonJson(l: LessonRecord) {
  return {
    id: l.id,
    title: l.title,
    observation: l.observation,
    lesson: l.lesson,
    recommendation: l.recommendation,
    appliesTo: l.appliesTo,
    visitId: l.visitId,
    practiceIds: l.practiceIds,
    topics: l.topics,
    tags: l.tags,
    observedOn: dateOnlyString(l.observedOn),
    recorderAgencyId: l.recorderAgencyId,
    recordedById: l.recordedById,
    recordedByName: l.recordedByName,
    status: l.status,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
    deletedAt: l.deletedAt?.toISOString() ?? null,
  };
}
