/**
 * insert, update, delete: each statement is one atomic document change; errors go into
 * `writeErrors` of an ok:1 reply; ordered batches stop at the first error.
 */
import { commandError } from '../errors.js';
import { runQuery } from '../catalog/planner.js';
import { bool, collationOf, collectionName, countScan, num, optionalDoc, type CommandFn, type Doc } from './context.js';
import { isReplacement, updateStored, upsertNew, withIdFirst, writeErrorOf } from './write-ops.js';

function statements(body: Doc, field: string): Doc[] {
  const list = body[field];
  if (!Array.isArray(list)) throw commandError('TypeMismatch', `BSON field '${field}' is missing or not an array`);
  return list as Doc[];
}

function finish(reply: Doc, writeErrors: Doc[]): Doc {
  if (writeErrors.length) reply.writeErrors = writeErrors;
  reply.ok = 1;
  return reply;
}

const insert: CommandFn = ({ db, body, ctx }) => {
  const name = collectionName(body, 'insert');
  const docs = statements(body, 'documents');
  const ordered = body.ordered !== false;
  const coll = ctx.catalog.ensure(db, name);
  const writeErrors: Doc[] = [];
  let n = 0;
  for (let i = 0; i < docs.length; i++) {
    ctx.metrics.opcounters.insert++;
    try {
      ctx.catalog.insert(coll, withIdFirst(docs[i]));
      ctx.metrics.document.inserted++;
      n++;
    } catch (err) {
      writeErrors.push(writeErrorOf(i, err));
      if (ordered) break;
    }
  }
  return finish({ n }, writeErrors);
};

const update: CommandFn = ({ db, body, ctx }) => {
  const name = collectionName(body, 'update');
  const ordered = body.ordered !== false;
  const writeErrors: Doc[] = [];
  const upserted: Doc[] = [];
  let n = 0;
  let nModified = 0;
  statements(body, 'updates').forEach((stmt, i) => {
    if (ordered && writeErrors.length) return;
    ctx.metrics.opcounters.update++;
    try {
      const filter = optionalDoc(stmt.q, 'q') ?? {};
      const u = stmt.u as Doc | Doc[];
      if (u === undefined || u === null || typeof u !== 'object') throw commandError('FailedToParse', "BSON field 'update.updates.u' is missing");
      const multi = bool(stmt.multi);
      if (multi && isReplacement(u)) throw commandError('FailedToParse', 'multi update is not supported for replacement-style update');
      const coll = ctx.catalog.get(db, name);
      const spec = {
        filter,
        collation: collationOf(stmt, coll),
        arrayFilters: Array.isArray(stmt.arrayFilters) ? (stmt.arrayFilters as Doc[]) : undefined,
      };
      const { docs } = runQuery(coll, filter, { collation: spec.collation, limit: multi ? 0 : 1, onCollectionScan: countScan(ctx) });
      if (coll && docs.length > 0) {
        for (const doc of docs) {
          n++;
          if (updateStored(ctx, coll, doc, u, spec).modified) nModified++;
        }
      } else if (bool(stmt.upsert)) {
        const doc = upsertNew(ctx, db, name, u, spec);
        upserted.push({ index: i, _id: doc._id });
        n++;
      }
    } catch (err) {
      writeErrors.push(writeErrorOf(i, err));
    }
  });
  const reply: Doc = { n, nModified };
  if (upserted.length) reply.upserted = upserted;
  return finish(reply, writeErrors);
};

const remove: CommandFn = ({ db, body, ctx }) => {
  const name = collectionName(body, 'delete');
  const ordered = body.ordered !== false;
  const writeErrors: Doc[] = [];
  let n = 0;
  statements(body, 'deletes').forEach((stmt, i) => {
    if (ordered && writeErrors.length) return;
    ctx.metrics.opcounters.delete++;
    try {
      const limit = num(stmt.limit);
      if (limit !== 0 && limit !== 1) throw commandError('FailedToParse', 'The limit field in delete objects must be 0 or 1. Got ' + limit);
      const coll = ctx.catalog.get(db, name);
      const { docs } = runQuery(coll, optionalDoc(stmt.q, 'q') ?? {}, { collation: collationOf(stmt, coll), limit, onCollectionScan: countScan(ctx) });
      for (const doc of docs) {
        if (coll) ctx.catalog.remove(coll, doc);
        ctx.metrics.document.deleted++;
        n++;
      }
    } catch (err) {
      writeErrors.push(writeErrorOf(i, err));
    }
  });
  return finish({ n }, writeErrors);
};

export const writeCommands: Record<string, CommandFn> = { insert, update, delete: remove };
