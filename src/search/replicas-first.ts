/**
 * Asked who adopted a practice ("siapa yang mengadopsi Padang Panjang Sepekan"), the page answers
 * with the practices adopted from it: when the best hit is a replicated practice, the page's
 * practices adopted from it follow it. A replica holds the name of its original only among its
 * linked records' (`related`), and lies in another place: the visits between Padang Panjang and
 * Solok, which hold the place's key, had come before Solok Sapekan. Within the page: no record
 * moves to another page.
 */
import type { Hit } from 'meilisearch';
import type { KnowledgeSearchDocument } from './knowledge-index.js';
import { MARK_END, MARK_START } from './snippet.js';

type KnowledgeHit = Hit<KnowledgeSearchDocument>;

const MARKS = new RegExp(`[${MARK_START}${MARK_END}]`, 'g');

/** The linked records' names of a hit as one lower-case text, without the engine's marks or a closing full stop. */
const relatedText = (hit: KnowledgeHit): string => String(hit._formatted?.related ?? '').replace(MARKS, '').replace(/\.$/, '').trim().toLowerCase();

export function withReplicasAfterOriginal(hits: readonly KnowledgeHit[]): KnowledgeHit[] {
  const [original, ...rest] = hits;
  if (original?.type !== 'practice' || !original.lineage?.includes('replicated')) return [...hits];
  // A practice is adopted from one practice, whose name is then its only linked record.
  const name = original.title.toLowerCase();
  const isReplica = (hit: KnowledgeHit): boolean => hit.type === 'practice' && (hit.lineage?.includes('replica') ?? false) && relatedText(hit) === name;
  return [original, ...rest.filter(isReplica), ...rest.filter((hit) => !isReplica(hit))];
}
