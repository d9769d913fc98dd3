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
}

export interface SearchSyncPluginOptions {
  /** The knowledge type of the model (visit, practice, lesson). */
  type: string;
}

type Update = Record<string, unknown> & { $set?: Record<string, unknown>; $inc?: Record<string, unknown> };

function markUpdate(update: unknown): void {
  if (!update || typeof update !== 'object' || Array.isArray(update)) return;
  const u = update as Update;
  u.$set = { ...u.$set, 'searchSync.pending': true };
  u.$inc = { ...u.$inc, 'searchSync.version': 1 };
}

async function writeTombstones(connection: Connection, type: string, ids: { toString(): string }[]): Promise<void> {
  if (ids.length === 0) return;
  const at = new Date();
  await connection.collection<Tombstone>(TOMBSTONES_COLLECTION).bulkWrite(
    ids.map((id) => ({ updateOne: { filter: { _id: `${type}-${id.toString()}` }, update: { $set: { type, recordId: id.toString(), at } }, upsert: true } })),
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
    const matched = await this.model.find(this.getFilter(), { _id: 1 }).lean<{ _id: { toString(): string } }[]>();
    await writeTombstones(this.model.db, options.type, matched.map((d) => d._id));
  });

  schema.pre('deleteOne', { document: true, query: false }, async function tombstoneDocument() {
    await writeTombstones(this.db, options.type, [this._id as { toString(): string }]);
  });
}
