/** Marks for sync the records whose search documents carry text of another record. */
import { KNOWLEDGE_SOURCES, type KnowledgeSource } from './knowledge-sources.js';

/**
 * Marks the live records, of each source whose field `fieldOf` names (none: the source is skipped),
 * holding one of `values` there; returns how many. The sync plugin adds the pending mark and the
 * version increment to the update. Without timestamps: the record itself did not change, so lists by
 * last update keep their order, and no watermark takes it for a change and marks the records linking
 * to it in turn (adoptions may even link in a circle).
 */
export async function markRecordsHolding(fieldOf: (source: KnowledgeSource) => string | undefined, values: unknown[]): Promise<number> {
  if (values.length === 0) return 0;
  let marked = 0;
  for (const source of KNOWLEDGE_SOURCES) {
    const field = fieldOf(source);
    if (!field) continue;
    const result = await source.model.updateMany({ [field]: { $in: values }, deletedAt: null }, { $set: {} }, { timestamps: false });
    marked += result.modifiedCount;
  }
  return marked;
}
