/** A visit's history as its page shows it: its snapshots hold names already (visit-snapshot.ts); days and the status are read here. */
import { presentRevision, type RevisionView } from '../history/revision.presenter.js';
import { asDay, lifecycleReaders, type HistoryWords } from '../history/revision-values.js';
import { listRevisions } from '../history/revision.service.js';

export async function visitHistory(visitId: string, words: HistoryWords): Promise<RevisionView[]> {
  const day = asDay(words);
  const readers = { ...lifecycleReaders(words, 'visits:status'), startDate: day, endDate: day };
  return (await listRevisions('visit', visitId)).map((revision) => presentRevision(revision, readers));
}
