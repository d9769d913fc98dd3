/**
 * explain for find, count, distinct and aggregate: mongod's queryPlanner shape (FETCH over IXSCAN
 * with the index name, or COLLSCAN) plus executionStats when asked. The query runs once to
 * measure it, so explain output always describes the plan the real command would use.
 */
import os from 'node:os';
import { commandError } from '../errors.js';
import type { Plan } from '../catalog/planner.js';
import { runQuery } from '../catalog/planner.js';
import { pipelineInput, parsePipeline } from './aggregate.js';
import { collationOf, collectionName, optionalDoc, type CommandFn, type Doc, type ServerContext } from './context.js';
import { executeFind, parseFind } from './read.js';
import { SERVER_VERSION } from './admin.js';

function planTree(plan: Plan, filter: Doc | undefined, sort: Doc | undefined, limit: number): Doc {
  let stage: Doc;
  if (plan.stage === 'IXSCAN') {
    stage = {
      stage: 'FETCH',
      ...(filter && Object.keys(filter).length > 0 && { filter }),
      inputStage: {
        stage: 'IXSCAN',
        keyPattern: plan.keyPattern,
        indexName: plan.indexName,
        isMultiKey: false,
        direction: 'forward',
        indexBounds: {},
      },
    };
  } else if (plan.stage === 'EOF') stage = { stage: 'EOF' };
  else stage = { stage: 'COLLSCAN', filter: filter ?? {}, direction: 'forward' };
  if (sort && Object.keys(sort).length > 0) stage = { stage: 'SORT', sortPattern: sort, ...(limit && { limitAmount: limit }), inputStage: stage };
  else if (limit) stage = { stage: 'LIMIT', limitAmount: limit, inputStage: stage };
  return stage;
}

interface Explained {
  ns: string;
  filter?: Doc;
  plan: Plan;
  tree: Doc;
  nReturned: number;
  millis: number;
}

function explainInner(ctx: ServerContext, db: string, inner: Doc): Explained {
  const command = Object.keys(inner)[0];
  const started = Date.now();
  const noScanCount: ServerContext = { ...ctx, metrics: { ...ctx.metrics, collectionScans: 0 } };
  if (command === 'find') {
    const name = collectionName(inner, 'find');
    const coll = ctx.catalog.get(db, name);
    const spec = parseFind(inner, coll);
    const { docs, plan } = executeFind(noScanCount, coll, spec);
    return { ns: `${db}.${name}`, filter: spec.filter, plan, tree: planTree(plan, spec.filter, spec.sort, spec.limit), nReturned: docs.length, millis: Date.now() - started };
  }
  if (command === 'count' || command === 'distinct') {
    const name = collectionName(inner, command);
    const filter = optionalDoc(inner.query, 'query');
    const coll = ctx.catalog.get(db, name);
    const { docs, plan } = runQuery(coll, filter, { collation: collationOf(inner, coll) });
    return { ns: `${db}.${name}`, filter, plan, tree: planTree(plan, filter, undefined, 0), nReturned: docs.length, millis: Date.now() - started };
  }
  if (command === 'aggregate') {
    const name = collectionName(inner, 'aggregate');
    const pipeline = parsePipeline(inner);
    const first = pipeline[0]?.$match as Doc | undefined;
    const { docs, plan } = pipelineInput(noScanCount, db, name, pipeline, inner);
    const nReturned = [...docs].length;
    return { ns: `${db}.${name}`, filter: first, plan, tree: planTree(plan, first, undefined, 0), nReturned, millis: Date.now() - started };
  }
  throw commandError('CommandNotSupported', `explain is not supported for '${command}' by the embedded MongoDB engine`);
}

export function explainReply(ctx: ServerContext, db: string, inner: Doc, verbosity: string): Doc {
  const e = explainInner(ctx, db, inner);
  const reply: Doc = {
    explainVersion: '1',
    queryPlanner: {
      namespace: e.ns,
      indexFilterSet: false,
      parsedQuery: e.filter ?? {},
      winningPlan: e.tree,
      rejectedPlans: [],
    },
  };
  if (verbosity !== 'queryPlanner') {
    reply.executionStats = {
      executionSuccess: true,
      nReturned: e.nReturned,
      executionTimeMillis: e.millis,
      totalKeysExamined: e.plan.stage === 'IXSCAN' ? e.plan.docsExamined : 0,
      totalDocsExamined: e.plan.docsExamined,
      executionStages: e.tree,
    };
  }
  reply.command = inner;
  reply.serverInfo = { host: os.hostname(), port: 0, version: SERVER_VERSION, gitVersion: 'embedded' };
  reply.ok = 1;
  return reply;
}

export const explain: CommandFn = ({ db, body, ctx }) => {
  const inner = optionalDoc(body.explain, 'explain');
  if (!inner) throw commandError('FailedToParse', 'explain command requires a nested object');
  return explainReply(ctx, db, inner, typeof body.verbosity === 'string' ? body.verbosity : 'allPlansExecution');
};
