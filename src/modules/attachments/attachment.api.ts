/** JSON upload for API clients: multipart with files in `attachments`, mounted by owning modules. */
import type { RequestHandler } from 'express';
import { actingUser } from '../../auth/current-user.js';
import { attachmentLimitsOf, uploadedFiles } from './attachment-upload.js';
import { requireOwnerAccess } from './attachment-owners.js';
import type { OwnerType } from './attachment.model.js';
import { attachmentJson } from './attachment.presenter.js';
import { storeAttachments } from './attachment.service.js';

export function uploadAttachmentsJson(ownerType: OwnerType): RequestHandler {
  return async (req, res) => {
    const actor = actingUser(req);
    const ownerId = String(req.params.id);
    await requireOwnerAccess(actor, ownerType, ownerId, 'edit');
    const stored = await storeAttachments(actor, { type: ownerType, id: ownerId }, uploadedFiles(req), attachmentLimitsOf(req));
    res.status(201).json({ data: stored.map(attachmentJson) });
  };
}
