/**
 * Search documents carry the names of agencies and topics, and agencies' regions, which live on the
 * agency or topic, not on the record. When one changes (an agency renamed or moved to another
 * region, a topic renamed), the records holding it are marked for sync (change-watermark.ts). So are
 * the records linking to an agency's visits: a lesson shows its visit's agencies and takes the place
 * visited from it.
 */
import type { Model } from 'mongoose';
import { AgencyModel } from '../modules/agencies/agency.model.js';
import { TopicModel } from '../modules/topics/topic.model.js';
import { handleChanges } from './change-watermark.js';
import { sourceOf } from './knowledge-sources.js';
import { markLinkingRecords } from './linked-records.js';
import { markRecordsHolding } from './mark-records.js';

type Watched = Model<Record<string, unknown>>;

/** Marks the records of agencies changed since the last call; the first call only sets the watermark. */
export function markRecordsOfChangedAgencies(): Promise<number> {
  return handleChanges('agencies-watermark', AgencyModel as unknown as Watched, async (changed) => {
    const visits = sourceOf('visit');
    const visitIds = await visits.model.distinct('_id', { [visits.agencyField]: { $in: changed }, deletedAt: null });
    return (await markRecordsHolding((source) => source.agencyField, changed)) + (await markLinkingRecords('visit', visitIds));
  });
}

/** Marks the records of topics changed since the last call (records hold a topic's code); the first call only sets the watermark. */
export function markRecordsOfChangedTopics(): Promise<number> {
  return handleChanges('topics-watermark', TopicModel as unknown as Watched, async (changed) => {
    const codes = await TopicModel.distinct('code', { _id: { $in: changed } });
    return markRecordsHolding(() => 'topics', codes);
  });
}
