/** `runPipeline`: the aggregation framework over an in-memory list of documents. */
import { MongoCommandError, commandError } from '../../errors.js';
import { compileFilter } from '../match.js';
import { compileAggProjection } from '../project.js';
import { sortDocuments } from '../sort.js';
import { carryTextScore } from '../text.js';
import { isPlainObject, type Collation, type Document } from '../types.js';
import type { EvalContext } from './expressions.js';
import { geoNearStage } from './geo-near.js';
import { setWindowFieldsStage } from './window.js';
import { bucketAutoStage, bucketStage, countStage, groupStage, sortByCountStage } from './group.js';
import { graphLookupStage, lookupStage, unionWithStage } from './lookup.js';
import {
  addFieldsStage, documentsStage, limitOrSkip, redactStage, replaceRootStage, sampleStage, unsetStage, unwindStage,
} from './stages.js';

export interface PipelineContext {
  /** The documents of another collection of the same database (for `$lookup`, `$unionWith`). */
  lookupCollection(name: string): Document[];
  /**
   * The documents of another collection whose `field` equals one of `values` (an array holding one
   * counts), found through an index on `field`; undefined when no index leads with it (then
   * `$lookup` matches against the whole collection).
   */
  lookupMatching?(name: string, field: string, values: unknown[]): Document[] | undefined;
  collation?: Collation;
  now?: Date;
  /** User variables (`let` of the command or of an enclosing `$lookup`). */
  vars?: Record<string, unknown>;
}

const UNSUPPORTED: Record<string, string> = {
  $out: 'writing aggregation results to a collection ($out) is not supported by the embedded MongoDB engine',
  $merge: 'writing aggregation results to a collection ($merge) is not supported by the embedded MongoDB engine',
  $search: '$search (Atlas Search) is not supported by the embedded MongoDB engine',
  $searchMeta: '$searchMeta (Atlas Search) is not supported by the embedded MongoDB engine',
  $vectorSearch: '$vectorSearch (Atlas Vector Search) is not supported by the embedded MongoDB engine',
  $changeStream: 'change streams require a replica set; the embedded MongoDB engine is a standalone server',
  $collStats: '$collStats is not supported by the embedded MongoDB engine',
  $indexStats: '$indexStats is not supported by the embedded MongoDB engine',
  $currentOp: '$currentOp is not supported by the embedded MongoDB engine',
  $listSessions: '$listSessions is not supported by the embedded MongoDB engine',
  $listLocalSessions: '$listLocalSessions is not supported by the embedded MongoDB engine',
  $planCacheStats: '$planCacheStats is not supported by the embedded MongoDB engine',
  $densify: '$densify is not supported by the embedded MongoDB engine',
  $fill: '$fill is not supported by the embedded MongoDB engine',
};

/** Stages whose n-th output document is derived from the n-th input (text scores follow them). */
const ONE_TO_ONE = new Set(['$project', '$addFields', '$set', '$unset', '$lookup', '$replaceRoot', '$replaceWith']);

function stageName(stage: unknown): string {
  if (!isPlainObject(stage)) throw commandError('TypeMismatch', 'Each element of the \'pipeline\' array must be an object');
  const keys = Object.keys(stage);
  if (keys.length !== 1) throw new MongoCommandError(40323, 'Location40323', 'A pipeline stage specification object must contain exactly one field.');
  return keys[0];
}

/** The expression context of each document a stage evaluates against. */
function contextOf(ctx: PipelineContext, now: Date): (doc: Document) => EvalContext {
  const vars = ctx.vars ?? {};
  return (doc) => ({ root: doc, current: doc, vars, collation: ctx.collation, now });
}

function runStage(input: Document[], name: string, spec: unknown, ctx: PipelineContext, now: Date, isFirst: boolean): Document[] {
  const ctxOf = contextOf(ctx, now);
  switch (name) {
    case '$project': {
      if (!isPlainObject(spec)) throw new MongoCommandError(15969, 'Location15969', '$project specification must be an object');
      const project = compileAggProjection(spec, ctx.collation);
      return input.map((doc) => project(doc, { vars: ctx.vars ?? {}, now }));
    }
    case '$addFields':
    case '$set':
      return addFieldsStage(input, spec, ctxOf, name);
    case '$unset':
      return unsetStage(input, spec);
    case '$sort': {
      if (!isPlainObject(spec) || Object.keys(spec).length === 0) throw new MongoCommandError(15976, 'Location15976', '$sort stage must have at least one sort key');
      return sortDocuments(input, spec, ctx.collation);
    }
    case '$limit':
      return input.slice(0, limitOrSkip(name, spec));
    case '$skip':
      return input.slice(limitOrSkip(name, spec));
    case '$unwind':
      return unwindStage(input, spec);
    case '$lookup':
      return lookupStage(input, spec, ctx, ctxOf, runPipeline);
    case '$graphLookup':
      return graphLookupStage(input, spec, ctx, ctxOf);
    case '$geoNear':
      return geoNearStage(input, spec, isFirst, ctx.collation);
    case '$setWindowFields':
      return setWindowFieldsStage(input, spec, ctxOf, ctx.collation);
    case '$unionWith':
      return unionWithStage(input, spec, ctx, runPipeline);
    case '$count':
      return countStage(input, spec);
    case '$facet': {
      if (!isPlainObject(spec) || Object.keys(spec).length === 0) throw new MongoCommandError(40169, 'Location40169', 'the $facet specification must be a non-empty object');
      const out: Document = {};
      for (const [k, sub] of Object.entries(spec)) {
        if (!Array.isArray(sub)) throw new MongoCommandError(40170, 'Location40170', `arguments to $facet must be arrays, ${k} is type ${typeof sub}`);
        out[k] = runPipeline(input, sub as Document[], ctx);
      }
      return [out];
    }
    case '$sortByCount':
      return sortByCountStage(input, spec, ctxOf);
    case '$bucket':
      return bucketStage(input, spec, ctxOf);
    case '$bucketAuto':
      return bucketAutoStage(input, spec, ctxOf);
    case '$replaceRoot':
      if (!isPlainObject(spec) || !('newRoot' in spec)) throw new MongoCommandError(40231, 'Location40231', 'no newRoot specified for the $replaceRoot stage');
      return replaceRootStage(input, spec.newRoot, ctxOf);
    case '$replaceWith':
      return replaceRootStage(input, spec, ctxOf);
    case '$sample':
      return sampleStage(input, spec);
    case '$redact':
      return redactStage(input, spec, ctxOf);
    case '$documents':
      return documentsStage(spec, ctxOf({}));
    default:
      if (name in UNSUPPORTED) throw commandError('NotImplemented', UNSUPPORTED[name]);
      throw commandError('Location40324', `Unrecognized pipeline stage name: '${name}'`);
  }
}

function* filtered(input: Iterable<Document>, pred: (doc: Document) => boolean): IterableIterator<Document> {
  for (const doc of input) if (pred(doc)) yield doc;
}

/**
 * `$match` and `$group` take their input one document at a time, so a count over a large match
 * (countDocuments: `$match`, then `$group`) never holds every matching document at once.
 */
function streamStage(input: Iterable<Document>, name: string, spec: unknown, ctx: PipelineContext, now: Date): Iterable<Document> {
  if (name === '$group') return groupStage(input, spec, contextOf(ctx, now));
  if (!isPlainObject(spec)) throw new MongoCommandError(15959, 'Location15959', 'the match filter must be an expression in an object');
  return filtered(input, compileFilter(spec, { collation: ctx.collation, variables: ctx.vars ?? {} }));
}

/** Runs an aggregation pipeline over documents (input documents are never mutated). */
export function runPipeline(input: Iterable<Document>, pipeline: Document[], ctx: PipelineContext): Document[] {
  if (!Array.isArray(pipeline)) throw commandError('TypeMismatch', "'pipeline' option must be specified as an array");
  const now = ctx.now ?? new Date();
  let docs = input;
  pipeline.forEach((stage, i) => {
    const name = stageName(stage);
    if (name === '$match' || name === '$group') {
      docs = streamStage(docs, name, stage[name], ctx, now);
      return;
    }
    const before = Array.isArray(docs) ? (docs as Document[]) : [...docs];
    docs = runStage(before, name, stage[name], ctx, now, i === 0);
    if (ONE_TO_ONE.has(name)) (docs as Document[]).forEach((d, j) => carryTextScore(before[j], d));
  });
  return Array.isArray(docs) ? (docs as Document[]) : [...docs];
}
