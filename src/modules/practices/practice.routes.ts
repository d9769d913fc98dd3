import type { RouteDef } from '../../http/routes.js';
import { uploadAttachmentsJson } from '../attachments/attachment.api.js';
import { UPLOAD_ATTACHMENTS_DOC } from '../attachments/attachment.openapi.js';
import { attachmentUpload } from '../attachments/attachment-upload.js';
import { uploadAttachmentsAction } from '../attachments/attachment.pages.js';
import { registerKnowledgeAttachmentOwner } from './knowledge-attachments.js';
import { createPracticeJson, deletePracticeJson, getPracticeJson, listPracticesJson, restorePracticeJson, updatePracticeJson } from './practice.api.js';
import { PracticeModel } from './practice.model.js';
import { PRACTICES_PATH as BASE, createAction, deleteAction, editPage, listPage, newPage, purgeAction, restoreAction, updateAction } from './practice.pages.js';
import { practiceOwnership, toPracticeRecord } from './practice.record.js';
import { showPage } from './practice.show.js';
import { practiceInputSchema, practiceListQuerySchema } from './practice.schemas.js';

/** Legal-basis documents and evidence files follow the practice's own read/edit policy. */
async function ownership(ownerId: string) {
  const doc = await PracticeModel.findById(ownerId).catch(() => null);
  return doc ? practiceOwnership(toPracticeRecord(doc)) : null;
}

registerKnowledgeAttachmentOwner('practice', BASE, ownership);

/** The JSON bodies as the service reads them: a new practice's owner defaults to the author's agency; PATCH fields replace the stored ones. */
const newPracticeBody = practiceInputSchema.extend({ ownerAgencyId: practiceInputSchema.shape.ownerAgencyId.optional().describe("Default: the author's agency.") });

/** Practice catalogue pages and API. The service checks the policy again on every call. */
export const practiceRoutes: RouteDef[] = [
  { method: 'get', path: BASE, access: 'user', summary: 'List practices', handlers: [listPage] },
  { method: 'get', path: `${BASE}/baru`, access: 'user', summary: 'New practice form', handlers: [newPage] },
  { method: 'post', path: BASE, access: 'user', summary: 'Create a practice', handlers: [createAction] },
  { method: 'get', path: `${BASE}/:id`, access: 'user', summary: 'Practice page', handlers: [showPage] },
  { method: 'get', path: `${BASE}/:id/ubah`, access: 'user', summary: 'Edit practice form', handlers: [editPage] },
  { method: 'post', path: `${BASE}/:id`, access: 'user', summary: 'Update a practice', handlers: [updateAction] },
  { method: 'post', path: `${BASE}/:id/hapus`, access: 'user', summary: 'Delete a practice (soft)', handlers: [deleteAction] },
  { method: 'post', path: `${BASE}/:id/pulihkan`, access: 'admin', summary: 'Restore a deleted practice', handlers: [restoreAction] },
  { method: 'post', path: `${BASE}/:id/hapus-permanen`, access: 'admin', summary: 'Delete a practice with its files for good', handlers: [purgeAction] },
  { method: 'post', path: `${BASE}/:id/lampiran`, access: 'user', summary: 'Attach files to a practice', handlers: [attachmentUpload, uploadAttachmentsAction('practice')] },
  { method: 'get', path: '/practices', access: 'user', api: true, summary: 'List practices (filters, sort, pages)', handlers: [listPracticesJson], openapi: { query: practiceListQuerySchema } },
  { method: 'get', path: '/practices/:id', access: 'user', api: true, summary: 'Get one practice', handlers: [getPracticeJson] },
  { method: 'post', path: '/practices', access: 'user', api: true, summary: 'Create a practice', handlers: [createPracticeJson], openapi: { body: newPracticeBody } },
  { method: 'patch', path: '/practices/:id', access: 'user', api: true, summary: 'Update a practice', handlers: [updatePracticeJson], openapi: { body: practiceInputSchema.partial() } },
  { method: 'delete', path: '/practices/:id', access: 'user', api: true, summary: 'Delete a practice (soft; ?permanent=true for admins)', handlers: [deletePracticeJson] },
  { method: 'post', path: '/practices/:id/restore', access: 'admin', api: true, summary: 'Restore a deleted practice', handlers: [restorePracticeJson] },
  { method: 'post', path: '/practices/:id/attachments', access: 'user', api: true, summary: 'Attach files to a practice', handlers: [attachmentUpload, uploadAttachmentsJson('practice')], openapi: UPLOAD_ATTACHMENTS_DOC },
];
