/**
 * aggregate: a leading $match is answered through the planner (index or counted scan), the rest
 * by the query module's pipeline; $lookup reads other collections of the same database; a final
 * $out replaces its target collection.
 */
import { BSONRegExp } from 'bson';
import type { Collection } from '../catalog/collection.js';
import { isNumeric, runPipeline, sortDocuments } from '../query/index.js';
import type { Collation } from '../query/types.js';
import { commandError } from '../errors.js';
import { hintOrder, runQuery, scanQuery, type Plan } from '../catalog/planner.js';
import { collationOf, countScan, num, optionalDoc, type CommandInput, type Doc, type ServerContext } from './context.js';

export interface AggregateInput {
  /** Read while iterated (scanQuery), unless a hint orders them. */
  docs: Iterable<Doc>;
  plan: Plan;
}

/** A literal of a $group: no field path, no expression. */
function isConstant(value: unknown): boolean {
  return value === null || isNumeric(value) || typeof value === 'boolean' || (typeof value === 'string' && !value.startsWith('$'));
}

/**
 * Stages that only count what enters them, as countDocuments sends after its $match: $skip and
 * $limit, then a $group of one constant key whose accumulators all sum constants.
 */
function countsOnly(stages: Doc[]): boolean {
  const group = stages[stages.length - 1]?.$group as Doc | undefined;
  if (!group || typeof group !== 'object' || !isConstant(group._id)) return false;
  const sums = Object.entries(group).filter(([name]) => name !== '_id');
  if (!sums.every(([, acc]) => acc !== null && typeof acc === 'object' && Object.keys(acc).length === 1 && isNumeric((acc as Doc).$sum))) return false;
  return stages.slice(0, -1).every((stage) => Object.keys(stage).length === 1 && ('$skip' in stage || '$limit' in stage));
}

/** The documents entering the pipeline: the leading $match answered through the planner. */
export function pipelineInput(ctx: ServerContext, db: string, collection: string, pipeline: Doc[], body: Doc): AggregateInput {
  const coll = ctx.catalog.get(db, collection);
  const first = pipeline[0];
  const match = first && typeof first.$match === 'object' && first.$match !== null ? (first.$match as Doc) : undefined;
  // $expr may use pipeline variables the plain filter compiler does not know: let the pipeline judge.
  const usable = match !== undefined && !('$expr' in match) ? match : undefined;
  // A count reads of each document only what its $match tests.
  const counting = usable === match && countsOnly(match === undefined ? pipeline : pipeline.slice(1));
  const { matches, plan } = scanQuery(coll, usable, { collation: collationOf(body, coll), onCollectionScan: countScan(ctx), fields: counting ? [] : undefined });
  const hinted = hintOrder(coll, body.hint);
  return { docs: hinted ? sortDocuments([...matches], hinted, collationOf(body, coll)) : matches, plan };
}

/**
 * A `$lookup`'s equality match as a query through an index leading with `field`, so a lookup by
 * `_id` (a session's user) reads one document, not the collection. Not for regular expressions,
 * which `$in` would apply as patterns where `$lookup` compares them as values.
 */
function matchingThroughIndex(coll: Collection | undefined, field: string, values: unknown[], collation: Collation | undefined): Doc[] | undefined {
  if (!coll || values.some((v) => v instanceof RegExp || v instanceof BSONRegExp)) return undefined;
  if (field !== '_id' && ![...coll.indexes.values()].some((index) => index.fields[0] === field)) return undefined;
  return runQuery(coll, { [field]: { $in: values } }, { collation }).docs;
}

function outTarget(db: string, stage: Doc): { db: string; coll: string } | undefined {
  if (!('$out' in stage)) return undefined;
  const out = stage.$out;
  if (typeof out === 'string') return { db, coll: out };
  const spec = optionalDoc(out, '$out') ?? {};
  return { db: typeof spec.db === 'string' ? spec.db : db, coll: String(spec.coll) };
}

function writeOut(ctx: ServerContext, target: { db: string; coll: string }, docs: Doc[]): void {
  const { catalog } = ctx;
  const existing = catalog.get(target.db, target.coll);
  const specs = existing ? [...existing.indexes.values()].map((i) => i.spec) : [];
  if (existing) catalog.drop(target.db, target.coll);
  const coll = catalog.create(target.db, target.coll, existing?.options ?? {});
  for (const spec of specs) catalog.createIndex(coll, spec);
  for (const doc of docs) catalog.insert(coll, doc);
}

export function parsePipeline(body: Doc): Doc[] {
  if (!Array.isArray(body.pipeline)) throw commandError('TypeMismatch', "'pipeline' option must be specified as an array");
  return body.pipeline as Doc[];
}

export function aggregate(input: CommandInput): Doc {
  const { db, body, ctx } = input;
  const pipeline = parsePipeline(body);
  const cursorSpec = optionalDoc(body.cursor, 'cursor');
  if (!cursorSpec && !body.explain) {
    throw commandError('FailedToParse', "The 'cursor' option is required, except for aggregate with the explain argument");
  }
  const collection = typeof body.aggregate === 'string' ? body.aggregate : undefined;
  const last = pipeline[pipeline.length - 1];
  const out = last ? outTarget(db, last) : undefined;
  if (pipeline.some((s) => '$merge' in s)) throw commandError('CommandNotSupported', '$merge is not supported by the embedded MongoDB engine (use $out)');
  const stages = out ? pipeline.slice(0, -1) : pipeline;
  const source = collection ? pipelineInput(ctx, db, collection, stages, body).docs : [];
  const collation = collationOf(body, collection ? ctx.catalog.get(db, collection) : undefined);
  const results = runPipeline(source, stages, {
    lookupCollection: (name: string) => [...(ctx.catalog.get(db, name)?.values() ?? [])],
    lookupMatching: (name: string, field: string, values: unknown[]) => matchingThroughIndex(ctx.catalog.get(db, name), field, values, collation),
    collation,
  });
  if (out) {
    writeOut(ctx, out, results);
    return ctx.cursors.open(`${db}.${collection ?? '$cmd.aggregate'}`, []);
  }
  const batchSize = cursorSpec?.batchSize === undefined ? undefined : num(cursorSpec.batchSize);
  return ctx.cursors.open(`${db}.${collection ?? '$cmd.aggregate'}`, results, { batchSize });
}
