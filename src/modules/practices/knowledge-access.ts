/**
 * Loading a practice or lesson for an actor, as both services do it: the record must exist, be
 * readable (another agency's draft is "not found", not "forbidden") and, for writes, editable.
 * Each service passes in how to find its document and read its policy data.
 */
import type { ActingUser } from '../../auth/acting-user.js';
import { ForbiddenError, NotFoundError } from '../../http/errors.js';
import { findDocumentById } from '../agencies/find-document.js';
import { canEditKnowledge, canReadKnowledge, type OwnedRecord } from './knowledge-policy.js';

export interface KnowledgeSource<D> {
  /** The document with that (valid) id, or null. */
  findById(id: string): PromiseLike<D | null>;
  ownership(doc: D): OwnedRecord;
}

export interface KnowledgeAccess<D> {
  /** The document whatever the actor; callers check the policy themselves (e.g. admin-only restore). */
  find(id: string): Promise<D>;
  readable(actor: ActingUser | null, id: string): Promise<D>;
  editable(actor: ActingUser | null, id: string): Promise<D>;
}

export function knowledgeAccess<D>(source: KnowledgeSource<D>): KnowledgeAccess<D> {
  const find = (id: string): Promise<D> => findDocumentById(id, (valid) => source.findById(valid));
  async function readable(actor: ActingUser | null, id: string): Promise<D> {
    if (actor === null) throw new ForbiddenError();
    const doc = await find(id);
    if (!canReadKnowledge(actor, source.ownership(doc))) throw new NotFoundError();
    return doc;
  }
  async function editable(actor: ActingUser | null, id: string): Promise<D> {
    const doc = await readable(actor, id);
    if (!canEditKnowledge(actor, source.ownership(doc))) throw new ForbiddenError();
    return doc;
  }
  return { find, readable, editable };
}
