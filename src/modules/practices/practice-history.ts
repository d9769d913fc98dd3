/** A practice's history as its page shows it: agencies, topics and the practice adopted from by name, codes by label, days as written. */
import type { ActingUser } from '../../auth/acting-user.js';
import { agencyShortNames } from '../agencies/agency.lookup.js';
import { presentRevision, type RevisionView } from '../history/revision.presenter.js';
import { asDay, byLabel, byName, lifecycleReaders, valuesIn, type HistoryWords } from '../history/revision-values.js';
import { listRevisions } from '../history/revision.service.js';
import { topicNames } from '../topics/topic.service.js';
import { findPracticeSummaries } from './practice.queries.js';

export async function practiceHistory(actor: ActingUser | null, practiceId: string, words: HistoryWords): Promise<RevisionView[]> {
  const revisions = await listRevisions('practice', practiceId);
  const [agencies, adopted, topics] = await Promise.all([
    agencyShortNames(valuesIn(revisions, ['ownerAgencyId'])),
    // Only the practices the reader may see are named.
    findPracticeSummaries(actor, valuesIn(revisions, ['adoptedFromId'])),
    topicNames(words.lang),
  ]);
  const day = asDay(words);
  const readers = {
    ...lifecycleReaders(words, 'practices:statuses'),
    ownerAgencyId: byName(agencies),
    adoptedFromId: byName(new Map(adopted.map((p) => [p.id, p.name])), words.t('history:unseen_record')),
    topics: byName(topics),
    category: byLabel(words, 'practices:categories'),
    stage: byLabel(words, 'practices:stages'),
    digital: (value: unknown) => (typeof value === 'boolean' ? words.t(value ? 'practices:digital.yes' : 'practices:digital.no') : undefined),
    startDate: day,
    evidence: (value: unknown) =>
      Array.isArray(value) ? value.map((entry: { date?: string; label?: string; value?: string }) => [day(entry.date), entry.label, entry.value].filter(Boolean).join(' — ')).join('; ') : undefined,
  };
  return revisions.map((revision) => presentRevision(revision, readers));
}
