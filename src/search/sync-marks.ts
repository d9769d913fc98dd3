/**
 * The write side of search sync: a mongoose plugin for every indexed model. Each create, update,
 * soft delete or restore sets `searchSync: {pending: true}` and increments `searchSync.version` in
 * the SAME single-document write (save's own update, or the update of updateOne/findOneAndUpdate).
 * The sync worker later pushes the record and clears the mark only if the version is unchanged.
 *
 * A hard delete cannot mark a document that no longer exists: just before it, a tombstone per
 * matched record is written to `search_tombstones`. If the delete then fails, the worker finds the
 * record still alive and re-indexes it, so the order (tombstone first) never loses a deletion.
 * Imports nothing from the models (they import this file).
 */
import type { Connection, Schema } from 'mongoose';

export const TOMBSTONES_COLLECTION = 'search_tombstones';

export interface Tombstone {
  /** The search document uid: `<type>-<id>`. */
  _id: string;
  type: string;
  recordId: string;
  at: Date;
  /** The ids the record held in its `lineageFields`: those records are pushed again once it is gone. */
  lineageIds?: string[];
}

export interface SearchSyncPluginOptions {
  /** The knowledge type of the model (visit, practice, lesson). */
  type: string;
  /**
   * Fields naming records whose search documents count this one (a practice's replicas): a
   * tombstone keeps their ids, since the purged record can no longer be read.
   */
  lineageFields?: string[];
}

type Purged = { _id: { toString(): string } } & Record<string, unknown>;

/** The ids a record holds in these fields (an id or a list of ids). */
function lineageIdsOf(record: Purged, fields: string[]): string[] {
  return fields.flatMap((field) => [record[field]].flat()).filter((id) => id !== null && id !== undefined).map(String);
}

type Update = Record<string, unknown> & { $set?: Record<string, unknown>; $inc?: Record<string, unknown> };

function markUpdate(update: unknown): void {
  if (!update || typeof update !== 'object' || Array.isArray(update)) return;
  const u = update as Update;
  u.$set = { ...u.$set, 'searchSync.pending': true };
  u.$inc = { ...u.$inc, 'searchSync.version': 1 };
}

async function writeTombstones(connection: Connection, options: SearchSyncPluginOptions, records: Purged[]): Promise<void> {
  if (records.length === 0) return;
  const { type, lineageFields = [] } = options;
  const at = new Date();
  await connection.collection<Tombstone>(TOMBSTONES_COLLECTION).bulkWrite(
    records.map((record) => {
      const id = record._id.toString();
      const lineageIds = lineageIdsOf(record, lineageFields);
      return { updateOne: { filter: { _id: `${type}-${id}` }, update: { $set: { type, recordId: id, at, ...(lineageIds.length > 0 ? { lineageIds } : {}) } }, upsert: true } };
    }),
    { ordered: false },
  );
}

export function searchSyncPlugin(schema: Schema, options: SearchSyncPluginOptions): void {
  // Pending by default, so records inserted without save() (insertMany) are picked up too.
  schema.add({ searchSync: { pending: { type: Boolean, default: true }, version: { type: Number, default: 0 } } });
  schema.index({ 'searchSync.pending': 1 });

  schema.pre('save', function markSaved() {
    if (this.isNew) {
      this.set('searchSync', { pending: true, version: 1 });
      return;
    }
    this.set('searchSync.pending', true);
    this.$inc('searchSync.version', 1);
  });

  schema.pre(['updateOne', 'updateMany', 'findOneAndUpdate'], function markUpdated() {
    const update = this.getUpdate();
    markUpdate(update);
    this.setUpdate(update as Update);
  });

  schema.pre(['deleteOne', 'deleteMany', 'findOneAndDelete'], { document: false, query: true }, async function tombstoneQuery() {
    const fields = Object.fromEntries([['_id', 1], ...(options.lineageFields ?? []).map((field) => [field, 1])]);
    const matched = await this.model.find(this.getFilter(), fields).lean<Purged[]>();
    await writeTombstones(this.model.db, options, matched);
  });

  schema.pre('deleteOne', { document: true, query: false }, async function tombstoneDocument() {
    await writeTombstones(this.db, options, [this.toObject() as Purged]);
  });
}
