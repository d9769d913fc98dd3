/**
 * A search document carries the names of the records it links to: a visit the practices shown
 * during it, a lesson its visit and its practices, a practice the one it replicates. So "videotron"
 * also finds the visits where a videotron was shown, and a visit's host the lessons learned there.
 * Only published, live records lend their names: a draft's name must not make another record
 * findable by it. When a linked record changes (change-watermark.ts) or is purged (its tombstone,
 * sync-batch.ts), the documents carrying its name are marked for sync.
 */
import { PracticeModel } from '../modules/practices/practice.model.js';
import { VisitModel } from '../modules/visits/visit.model.js';
import { handleChanges } from './change-watermark.js';
import type { KnowledgeType } from './knowledge-index.js';
import { sourceOf, type LinkedType, type RecordLinks } from './knowledge-sources.js';
import { markRecordsHolding } from './mark-records.js';

export interface LinkedRecords {
  /** Practice names by id. */
  practices: Map<string, string>;
  /** Visits by id: their visiting and host agency ids (the title is made from agency names). */
  visits: Map<string, { visiting: string[]; hosts: string[] }>;
}

const LENDING = { status: 'published', deletedAt: null };

export async function loadLinkedRecords(links: RecordLinks[]): Promise<LinkedRecords> {
  const practiceIds = [...new Set(links.flatMap((l) => l.practiceIds))];
  const visitIds = [...new Set(links.flatMap((l) => l.visitIds))];
  const [practices, visits] = await Promise.all([
    practiceIds.length ? PracticeModel.find({ _id: { $in: practiceIds }, ...LENDING }, { name: 1 }).lean() : [],
    visitIds.length ? VisitModel.find({ _id: { $in: visitIds }, ...LENDING }, { visitingAgencyIds: 1, hostAgencyIds: 1 }).lean() : [],
  ]);
  return {
    practices: new Map(practices.map((p) => [p._id.toString(), p.name])),
    visits: new Map(visits.map((v) => [v._id.toString(), { visiting: v.visitingAgencyIds.map(String), hosts: v.hostAgencyIds.map(String) }])),
  };
}

/** Marks the live records linking to records of `type` with these ids (their sources' link fields); returns how many. */
export function markLinkingRecords(type: KnowledgeType, ids: unknown[]): Promise<number> {
  return markRecordsHolding((source) => source.linkFields[type as LinkedType], ids);
}

/** Marks these live practices: their search documents count the practices adopted from them (replication.ts). */
export function markAdoptedPractices(ids: unknown[]): Promise<number> {
  return markRecordsHolding((source) => (source.type === 'practice' ? '_id' : undefined), ids);
}

/** Marks the practices these practices were adopted from, now or before: one may have gained or lost a replica. */
async function markAdoptedFrom(ids: unknown[]): Promise<number> {
  const practices = await PracticeModel.find({ _id: { $in: ids } }, { adoptedFromId: 1, formerAdoptedFromIds: 1 }).lean();
  return markAdoptedPractices(practices.flatMap((p) => [p.adoptedFromId, ...(p.formerAdoptedFromIds ?? [])]).filter((id) => id !== null));
}

/** Marks the records linking to practices and visits changed since the last call, and the practices those practices were adopted from. */
export async function markRecordsLinkingChanged(): Promise<number> {
  const practices = await handleChanges('practices-watermark', sourceOf('practice').model, async (ids) => (await markLinkingRecords('practice', ids)) + (await markAdoptedFrom(ids)));
  const visits = await handleChanges('visits-watermark', sourceOf('visit').model, (ids) => markLinkingRecords('visit', ids));
  return practices + visits;
}
