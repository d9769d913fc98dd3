/**
 * Which shape of search documents the index holds (SEARCH_DOCUMENT_VERSION), kept in the engine
 * itself: one document in the index's companion `<index>_meta`. A worker that finds no version, or
 * an older one, marks every record once and the sync pushes them all again in batches. So an upgrade
 * that changes what documents hold needs no manual reindex, and an engine that lost its data (a new
 * server, a wiped volume) is refilled from MongoDB; search answers with what it has meanwhile. A
 * worker of an older version, still running during a rolling upgrade, leaves the pushing to the newer ones.
 */
import type { Meilisearch } from 'meilisearch';
import { engineErrorCode, indexExists } from './client.js';
import { waitForTask } from './knowledge-index.js';
import { KNOWLEDGE_SOURCES } from './knowledge-sources.js';

/**
 * Bump when buildSearchDocuments changes what a document holds.
 * 2: `date` is the record's own date only (before: its creation date when it had none).
 * 3: `stemmed` reads menge-/penge- words with their dropped k (mengelola → kelola), see stemmer.ts.
 * 4: `stemmed` ends with the words naming the record's kind (data/record-kinds.json).
 * 5: `stemmed` keeps the words of place names whole (data/place-names.json: kediri, mentawai, bekasi …).
 * 6: `stemmed` reads affixed compounds as their words (data/compounds.json: ditindaklanjuti → tindak lanjut).
 * 7: `related` holds the names of the published records it links to (linked-records.ts).
 * 8: `stemmed` ends with the year of the record's own date.
 * 9: `stemmed` holds the words naming the record's kind as written too, not only their roots.
 * 10: `stemmed` ends with the month (its Indonesian name) before the year of the record's own date.
 * 11: the stemmer knows the domain's roots that Sastrawi lacks (data/roots.json: direplikasi → replikasi).
 * 12: `regionKeys` holds a key per place involved (place-names.ts).
 * 13: `regionKeys` holds a key per place visited too: a visit's hosts', a lesson's visit's hosts'.
 * 14: `regionKeys` holds a key per border the places visited lie across (crossing.ts).
 * 15: `regionKeys` holds the key of a name several places share (Kota and Kabupaten Bandung).
 * 16: a name is shared without its status too (Daerah Istimewa Yogyakarta and Kota Yogyakarta).
 * 17: `regionKeys` is now `markerKeys`, and holds a key for a practice in a lineage of replication (replication.ts).
 * 18: Markdown's emphasis, strikethrough and code marks come off the words without leaving a space ("Corner, dan").
 * 19: a Markdown list item reads as a sentence: no bullet or number, a full stop after it.
 * 20: `stemmed` reads the words of data/root-readings.json as listed (meliputi stays meliputi, not liput), and
 *     a nasal prefix sastrawijs misread with the consonant it replaced (menambah → tambah, not ambah).
 * 21: a practice's body holds its contact person's name and position, as a visit's holds its people.
 * 22: a practice's `stemmed` holds the words naming its stage after its kind's (data/practice-stages.json).
 * 23: a lesson's kind words hold "rekomendasi" and "saran" (data/record-kinds.json).
 * 24: `stemmed` reads antrian as antre and analisa, menganalisis as analisis (data/root-readings.json).
 * 25: `visitedCodes`, the places visited, filterable (outside-places.ts: kunjungan ke luar Sumbar).
 * 26: `stemmed` reads terpenting as penting (data/root-readings.json).
 * 27: `stemmed` reads pengikut (followers) as written, not as ikut (data/root-readings.json).
 * 28: a practice's `digital`, filterable (non-digital.ts: inovasi non digital).
 * 29: `stemmed` holds the roots of the agencies', places', topics' and linked records' names too.
 * 30: `stemmed` reads pelajar (students) and pengajar (teachers) as written, not as ajar (data/root-readings.json).
 * 31: `stemmed` reads pelaku (actors) as written, not as laku of melakukan, and relawan (volunteers) not as awan (cloud).
 * 32: `stemmed` reads masukan (input) as written, not as masuk of surat masuk, and pemasukan (revenue) not as pasu.
 * 33: a practice's `replications`, how many practices adopted it, sortable (sort "replicated").
 * 34: the words naming a record's kind in `kind`, searched before `body`, no longer at the end of `stemmed`.
 * 35: `stemmed` reads penghargaan (an award) as written, not as harga (a price) (data/root-readings.json).
 * 36: `markerKeys` holds the key of the island a place lies on (Jawa, Sumatera …; place-names.ts).
 * 37: `stemmed` reads siniar (a podcast) and kadis (kepala dinas) as written, not as siar and kad.
 * 38: `markerKeys` holds a key for a visit to another island, and one for a visit within the own province (crossing.ts).
 * 39: `markerKeys` holds a key for a practice naming its contact person (contact-person.ts).
 * 40: a practice's `contactPerson`, its contact's name and position, shown on its hit.
 */
export const SEARCH_DOCUMENT_VERSION = 40;

const VERSION_ID = 'documents';

export function metaIndexUid(indexUid: string): string {
  return `${indexUid}_meta`;
}

/** The version the engine holds documents of; 0 when it records none (never filled, or its data is gone). */
export async function storedDocumentVersion(client: Meilisearch, indexUid: string): Promise<number> {
  try {
    const doc = await client.index(metaIndexUid(indexUid)).getDocument(VERSION_ID);
    return typeof doc.version === 'number' ? doc.version : 0;
  } catch (err) {
    const code = engineErrorCode(err);
    if (code === 'index_not_found' || code === 'document_not_found') return 0;
    throw err;
  }
}

/** Records that the index now holds documents of `version`. */
export async function recordDocumentVersion(client: Meilisearch, indexUid: string, version = SEARCH_DOCUMENT_VERSION): Promise<void> {
  const task = await client.index(metaIndexUid(indexUid)).addDocuments([{ id: VERSION_ID, version }], { primaryKey: 'id' });
  await waitForTask(client, task.taskUid);
}

/**
 * 'older': the engine held an older shape, none, or no index — every record is now marked, then the version
 * recorded, in that order, so a crash in between marks them again at the next start.
 * 'newer': a newer version of the app fills this index. 'current': nothing to do.
 */
export async function settleDocumentVersion(client: Meilisearch, indexUid: string): Promise<'older' | 'current' | 'newer'> {
  const version = SEARCH_DOCUMENT_VERSION;
  const stored = await storedDocumentVersion(client, indexUid);
  if (stored > version) return 'newer';
  // The index itself may be gone while its version stayed (deleted on its own): refilled as well.
  if (stored === version && (await indexExists(client, indexUid))) return 'current';
  for (const source of KNOWLEDGE_SOURCES) {
    await source.model.collection.updateMany({}, { $set: { 'searchSync.pending': true }, $inc: { 'searchSync.version': 1 } });
  }
  await recordDocumentVersion(client, indexUid, version);
  return 'older';
}
