import type { RouteDef } from '../../http/routes.js';
import { uploadAttachmentsJson } from '../attachments/attachment.api.js';
import { UPLOAD_ATTACHMENTS_DOC } from '../attachments/attachment.openapi.js';
import { attachmentUpload } from '../attachments/attachment-upload.js';
import { uploadAttachmentsAction } from '../attachments/attachment.pages.js';
import { registerKnowledgeAttachmentOwner } from '../practices/knowledge-attachments.js';
import { createLessonJson, deleteLessonJson, getLessonJson, listLessonsJson, restoreLessonJson, updateLessonJson } from './lesson.api.js';
import { LessonModel } from './lesson.model.js';
import { LESSONS_PATH as BASE, createAction, deleteAction, editPage, listPage, newPage, purgeAction, restoreAction, updateAction } from './lesson.pages.js';
import { lessonOwnership, toLessonRecord } from './lesson.record.js';
import { showPage } from './lesson.show.js';
import { lessonInputSchema, lessonListQuerySchema } from './lesson.schemas.js';

/** A lesson's files follow the lesson's own read/edit policy. */
async function ownership(ownerId: string) {
  const doc = await LessonModel.findById(ownerId).catch(() => null);
  return doc ? lessonOwnership(toLessonRecord(doc)) : null;
}

registerKnowledgeAttachmentOwner('lesson', BASE, ownership);

/** The JSON bodies as the service reads them: a new lesson's recorder agency defaults to the author's; PATCH fields replace the stored ones. */
const newLessonBody = lessonInputSchema.extend({ recorderAgencyId: lessonInputSchema.shape.recorderAgencyId.optional().describe("Default: the author's agency.") });

/** Lesson pages and API. The service checks the policy again on every call. */
export const lessonRoutes: RouteDef[] = [
  { method: 'get', path: BASE, access: 'user', summary: 'List lessons', handlers: [listPage] },
  { method: 'get', path: `${BASE}/baru`, access: 'user', summary: 'New lesson form', handlers: [newPage] },
  { method: 'post', path: BASE, access: 'user', summary: 'Create a lesson', handlers: [createAction] },
  { method: 'get', path: `${BASE}/:id`, access: 'user', summary: 'Lesson page', handlers: [showPage] },
  { method: 'get', path: `${BASE}/:id/ubah`, access: 'user', summary: 'Edit lesson form', handlers: [editPage] },
  { method: 'post', path: `${BASE}/:id`, access: 'user', summary: 'Update a lesson', handlers: [updateAction] },
  { method: 'post', path: `${BASE}/:id/hapus`, access: 'user', summary: 'Delete a lesson (soft)', handlers: [deleteAction] },
  { method: 'post', path: `${BASE}/:id/pulihkan`, access: 'admin', summary: 'Restore a deleted lesson', handlers: [restoreAction] },
  { method: 'post', path: `${BASE}/:id/hapus-permanen`, access: 'admin', summary: 'Delete a lesson with its files for good', handlers: [purgeAction] },
  { method: 'post', path: `${BASE}/:id/lampiran`, access: 'user', summary: 'Attach files to a lesson', handlers: [attachmentUpload, uploadAttachmentsAction('lesson')] },
  { method: 'get', path: '/lessons', access: 'user', api: true, summary: 'List lessons (filters, sort, pages)', handlers: [listLessonsJson], openapi: { query: lessonListQuerySchema } },
  { method: 'get', path: '/lessons/:id', access: 'user', api: true, summary: 'Get one lesson', handlers: [getLessonJson] },
  { method: 'post', path: '/lessons', access: 'user', api: true, summary: 'Create a lesson', handlers: [createLessonJson], openapi: { body: newLessonBody } },
  { method: 'patch', path: '/lessons/:id', access: 'user', api: true, summary: 'Update a lesson', handlers: [updateLessonJson], openapi: { body: lessonInputSchema.partial() } },
  { method: 'delete', path: '/lessons/:id', access: 'user', api: true, summary: 'Delete a lesson (soft; ?permanent=true for admins)', handlers: [deleteLessonJson] },
  { method: 'post', path: '/lessons/:id/restore', access: 'admin', api: true, summary: 'Restore a deleted lesson', handlers: [restoreLessonJson] },
  { method: 'post', path: '/lessons/:id/attachments', access: 'user', api: true, summary: 'Attach files to a lesson', handlers: [attachmentUpload, uploadAttachmentsJson('lesson')], openapi: UPLOAD_ATTACHMENTS_DOC },
];
