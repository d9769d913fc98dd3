/** Document identifiers and primary key inference, with Meilisearch's rules and error messages. */
import { MeiliError } from '../errors.js';

const ID_PATTERN = /^[a-zA-Z0-9_-]+$/;
const MAX_ID_BYTES = 511;

/**
 * Returns the id as the string Meilisearch keys documents by: an integer, or a string of
 * a-zA-Z0-9-_ up to 511 bytes. Anything else → invalid_document_id.
 */
export function validateDocumentId(id: unknown): string {
  if (typeof id === 'number' && Number.isSafeInteger(id)) return String(id);
  if (typeof id === 'string' && ID_PATTERN.test(id) && Buffer.byteLength(id) <= MAX_ID_BYTES) return id;
  throw new MeiliError(
    'invalid_document_id',
    `Document identifier \`${JSON.stringify(id)}\` is invalid. A document identifier can be of type integer or string, only composed of alphanumeric characters (a-z A-Z 0-9), hyphens (-) and underscores (_), and can not be more than 511 bytes.`,
  );
}

/** The id of a document under the given primary key, or missing_document_id. */
export function documentIdOf(doc: Record<string, unknown>, primaryKey: string): string {
  const value = doc[primaryKey];
  if (value === undefined) {
    throw new MeiliError('missing_document_id', `Document doesn't have a \`${primaryKey}\` attribute: \`${JSON.stringify(doc)}\`.`);
  }
  return validateDocumentId(value);
}

/** Meilisearch's inference: the single top-level attribute whose name ends with "id" (any case). */
export function inferPrimaryKey(doc: Record<string, unknown>): string {
  const candidates = Object.keys(doc).filter((key) => key.toLowerCase().endsWith('id'));
  if (candidates.length === 1) return candidates[0];
  if (candidates.length === 0) {
    throw new MeiliError(
      'index_primary_key_no_candidate_found',
      'The primary key inference failed as the engine did not find any field ending with `id` in its name. Please specify the primary key manually using the `primaryKey` query parameter.',
    );
  }
  throw new MeiliError(
    'index_primary_key_multiple_candidates_found',
    `The primary key inference failed as the engine found ${candidates.length} fields ending with \`id\` in their names: ${candidates.map((c) => `'${c}'`).join(' and ')}. Please specify the primary key manually using the \`primaryKey\` query parameter.`,
  );
}
