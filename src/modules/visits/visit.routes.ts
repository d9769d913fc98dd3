import type { RouteDef } from '../../http/routes.js';
import { uploadAttachmentsJson } from '../attachments/attachment.api.js';
import { UPLOAD_ATTACHMENTS_DOC } from '../attachments/attachment.openapi.js';
import { uploadAttachmentsAction } from '../attachments/attachment.pages.js';
import { attachmentUpload } from '../attachments/attachment-upload.js';
import { registerAttachmentOwner } from '../attachments/attachment-owners.js';
import { createVisitJson, deleteVisitJson, getVisitJson, listVisitRevisionsJson, listVisitsJson, restoreVisitJson, updateVisitJson } from './visit.api.js';
import { canEditVisitById, canReadVisitById, VISITS_PATH as BASE, visitPageUrl } from './visit.lookup.js';
import { createAction, deleteAction, editPage, listPage, newPage, purgeAction, restoreAction, showPage, updateAction } from './visit.pages.js';
import { newPracticesSchema, visitInputSchema, visitListQuerySchema } from './visit.schemas.js';

registerAttachmentOwner('visit', { canRead: canReadVisitById, canEdit: canEditVisitById, pageUrl: visitPageUrl });

/** The JSON body: the visit's fields and the practices to add to the catalogue with it, parsed side by side (visit-input.ts). */
const visitBody = visitInputSchema.merge(newPracticesSchema);

/** Visit pages (/kunjungan) and API (/api/v1/visits). The service checks the visit policy on every call. */
export const visitRoutes: RouteDef[] = [
  { method: 'get', path: BASE, access: 'user', summary: 'List visits', handlers: [listPage] },
  { method: 'get', path: `${BASE}/baru`, access: 'user', summary: 'New visit form', handlers: [newPage] },
  { method: 'post', path: BASE, access: 'user', summary: 'Create a visit', handlers: [createAction] },
  { method: 'get', path: `${BASE}/:id`, access: 'user', summary: 'Visit page', handlers: [showPage] },
  { method: 'get', path: `${BASE}/:id/ubah`, access: 'user', summary: 'Edit visit form', handlers: [editPage] },
  { method: 'post', path: `${BASE}/:id`, access: 'user', summary: 'Update a visit', handlers: [updateAction] },
  { method: 'post', path: `${BASE}/:id/hapus`, access: 'user', summary: 'Delete a visit (soft)', handlers: [deleteAction] },
  { method: 'post', path: `${BASE}/:id/pulihkan`, access: 'admin', summary: 'Restore a deleted visit', handlers: [restoreAction] },
  { method: 'post', path: `${BASE}/:id/hapus-permanen`, access: 'admin', summary: 'Delete a visit with its files for good', handlers: [purgeAction] },
  { method: 'post', path: `${BASE}/:id/lampiran`, access: 'user', summary: 'Upload attachments to a visit', handlers: [attachmentUpload, uploadAttachmentsAction('visit')] },
  { method: 'get', path: '/visits', access: 'user', api: true, summary: 'List visits (filters: agency, province, topic, year, status; sort; pages)', handlers: [listVisitsJson], openapi: { query: visitListQuerySchema } },
  { method: 'get', path: '/visits/:id', access: 'user', api: true, summary: 'Get one visit with its attachments', handlers: [getVisitJson] },
  { method: 'get', path: '/visits/:id/revisions', access: 'user', api: true, summary: 'Revision history of a visit', handlers: [listVisitRevisionsJson] },
  { method: 'post', path: '/visits', access: 'user', api: true, summary: 'Create a visit', handlers: [createVisitJson], openapi: { body: visitBody } },
  { method: 'patch', path: '/visits/:id', access: 'user', api: true, summary: 'Update a visit (fields given replace stored ones)', handlers: [updateVisitJson], openapi: { body: visitBody.partial() } },
  { method: 'delete', path: '/visits/:id', access: 'user', api: true, summary: 'Delete a visit (soft; ?permanent=true for admins)', handlers: [deleteVisitJson] },
  { method: 'post', path: '/visits/:id/restore', access: 'admin', api: true, summary: 'Restore a deleted visit', handlers: [restoreVisitJson] },
  { method: 'post', path: '/visits/:id/attachments', access: 'user', api: true, summary: 'Upload attachments to a visit (multipart, field "attachments")', handlers: [attachmentUpload, uploadAttachmentsJson('visit')], openapi: UPLOAD_ATTACHMENTS_DOC },
];
