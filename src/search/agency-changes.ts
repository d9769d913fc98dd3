/**
 * Search documents carry agency names and regions, which live on the agency, not on the record.
 * When an agency changes (renamed, moved to another region), its records are marked for sync
 * (change-watermark.ts).
 */
import type { Model } from 'mongoose';
import { AgencyModel } from '../modules/agencies/agency.model.js';
import { handleChanges } from './change-watermark.js';
import { KNOWLEDGE_SOURCES } from './knowledge-sources.js';

/** Marks the records of agencies changed since the last call; the first call only sets the watermark. */
export function markRecordsOfChangedAgencies(): Promise<number> {
  return handleChanges('agencies-watermark', AgencyModel as unknown as Model<Record<string, unknown>>, async (changed) => {
    let marked = 0;
    for (const source of KNOWLEDGE_SOURCES) {
      // The sync plugin adds the pending mark and the version increment to this update.
      const result = await source.model.updateMany({ [source.agencyField]: { $in: changed }, deletedAt: null }, { $set: {} });
      marked += result.modifiedCount;
    }
    return marked;
  });
}
