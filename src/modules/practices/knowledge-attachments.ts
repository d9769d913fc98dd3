/**
 * Practices and lessons hand their files the same rule: whoever may read (edit) the record may
 * read (edit) its attachments. Only how the record is loaded differs, so each module passes that in.
 */
import { registerAttachmentOwner } from '../attachments/attachment-owners.js';
import type { OwnerType } from '../attachments/attachment.model.js';
import { canEditKnowledge, canReadKnowledge, type OwnedRecord } from './knowledge-policy.js';

/** Loads the owning record's policy data; null when it does not exist. */
export type LoadOwnership = (ownerId: string) => Promise<OwnedRecord | null>;

export function registerKnowledgeAttachmentOwner(type: OwnerType, basePath: string, loadOwnership: LoadOwnership): void {
  registerAttachmentOwner(type, {
    canRead: async (actor, id) => {
      const owned = await loadOwnership(id);
      return owned !== null && canReadKnowledge(actor, owned);
    },
    canEdit: async (actor, id) => {
      const owned = await loadOwnership(id);
      return owned !== null && canEditKnowledge(actor, owned);
    },
    pageUrl: (id) => `${basePath}/${id}`,
  });
}
