/** findAndModify: one document found (sorted), then removed, updated or upserted; `{lastErrorObject, value}`. */
import { sortDocuments } from '../query/index.js';
import { commandError } from '../errors.js';
import { runQuery } from '../catalog/planner.js';
import { bool, collationOf, collectionName, countScan, optionalDoc, type CommandFn, type Doc } from './context.js';
import { projector } from './read.js';
import { updateStored, upsertNew } from './write-ops.js';

export const findAndModify: CommandFn = ({ db, body, ctx }) => {
  const name = collectionName(body, Object.keys(body)[0]);
  const filter = optionalDoc(body.query, 'query') ?? {};
  const sort = optionalDoc(body.sort, 'sort');
  const remove = bool(body.remove);
  const update = body.update as Doc | Doc[] | undefined;
  const upsert = bool(body.upsert);
  const returnNew = bool(body.new);

  if (remove && update !== undefined) throw commandError('FailedToParse', 'Cannot specify both an update and remove=true');
  if (!remove && update === undefined) throw commandError('FailedToParse', 'Either an update or remove=true must be specified');
  if (remove && (upsert || returnNew)) throw commandError('FailedToParse', 'Cannot specify both upsert=true and remove=true');

  const coll = ctx.catalog.get(db, name);
  const collation = collationOf(body, coll);
  const hasSort = sort !== undefined && Object.keys(sort).length > 0;
  const { docs } = runQuery(coll, filter, { collation, limit: hasSort ? 0 : 1, onCollectionScan: countScan(ctx) });
  const found = hasSort ? sortDocuments(docs, sort, collation)[0] : docs[0];
  const project = projector(optionalDoc(body.fields, 'fields'), filter, collation) ?? ((d: Doc) => d);

  if (remove) {
    ctx.metrics.opcounters.delete++;
    if (!coll || !found) return { lastErrorObject: { n: 0 }, value: null, ok: 1 };
    ctx.catalog.remove(coll, found);
    ctx.metrics.document.deleted++;
    return { lastErrorObject: { n: 1 }, value: project(found), ok: 1 };
  }

  ctx.metrics.opcounters.update++;
  const spec = { filter, collation, arrayFilters: Array.isArray(body.arrayFilters) ? (body.arrayFilters as Doc[]) : undefined };
  if (coll && found) {
    const result = updateStored(ctx, coll, found, update as Doc | Doc[], spec);
    return { lastErrorObject: { n: 1, updatedExisting: true }, value: project(returnNew ? result.doc : found), ok: 1 };
  }
  if (!upsert) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
  const inserted = upsertNew(ctx, db, name, update as Doc | Doc[], spec);
  return {
    lastErrorObject: { n: 1, updatedExisting: false, upserted: inserted._id },
    value: returnNew ? project(inserted) : null,
    ok: 1,
  };
};
