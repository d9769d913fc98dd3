/**
 * Turns stored records into search documents: agencies, regions, topic names and the names of
 * linked records (linked-records.ts) are resolved in one query each per batch; drafts carry the
 * agencies allowed to see them. A change to what a document holds bumps SEARCH_DOCUMENT_VERSION
 * (document-version.ts), so existing indexes are refilled.
 */
import { AgencyModel } from '../modules/agencies/agency.model.js';
import { topicNames } from '../modules/topics/topic.service.js';
import type { KnowledgeSearchDocument, KnowledgeType } from './knowledge-index.js';
import { linksOf, visitTitle, type KnowledgeSource, type RecordLinks, type StoredRecord } from './knowledge-sources.js';
import { loadLinkedRecords } from './linked-records.js';
import { KIND_WORDS, STAGE_WORDS } from './language-data.js';
import type { PracticeStage } from '../modules/practices/practice.model.js';
import { stemText } from './stemmer.js';
import { monthName } from './months.js';
import { keysOfPlaces, placeNames } from './place-names.js';
import { CONTACT_KEY } from './contact-person.js';
import { crossingKeysOf } from './crossing.js';
import { practicesInLineage, REPLICATION_KEY, type PracticeLineage } from './replication.js';

interface AgencyFacts {
  name: string;
  shortName: string;
  aliases: string[];
  provinceCode: string | null;
  regionCode: string | null;
  provinceName: string | null;
  regencyName: string | null;
}

async function loadAgencies(ids: string[]): Promise<Map<string, AgencyFacts>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const docs = await AgencyModel.find({ _id: { $in: unique } }, { name: 1, shortName: 1, aliases: 1, provinceCode: 1, regionCode: 1, provinceName: 1, regencyName: 1 }).lean();
  return new Map(docs.map((d) => [d._id.toString(), { name: d.name, shortName: d.shortName, aliases: d.aliases ?? [], provinceCode: d.provinceCode ?? null, regionCode: d.regionCode ?? null, provinceName: d.provinceName ?? null, regencyName: d.regencyName ?? null }]));
}

/**
 * Markdown as the text it shows, and control characters out (the highlight markers of
 * search.service must never occur in text). The marks of emphasis, strikethrough and code come off
 * the words they wrap, so a snippet reads "Corner, dan", not "Corner , dan"; an underscore inside a
 * word is part of it. Headings, quotes and table cells end where their marks stand. A list item
 * reads as a sentence of its own: its bullet or number goes and a full stop ends it, so a snippet
 * says "harian. Tayang tiap pekan.", not "harian - Tayang tiap pekan -".
 */
function plain(value: string): string {
  return value
    .replace(/^[ \t]*(?:[-+*]|\d{1,3}[.)])[ \t]+(\S.*?)[ \t]*$/gm, (_, item: string) => (/[.!?…:;]$/.test(item.replace(/[*_`~]+$/, '')) ? item : `${item}.`))
    // eslint-disable-next-line no-control-regex -- removing control characters is the point here
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*`~]+/g, '')
    .replace(/(^|[^\p{L}\p{N}_])_+|_+(?![\p{L}\p{N}_])/gu, '$1')
    .replace(/[#>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text parts as sentences: a full stop only where a part does not already end one. */
function joinSentences(parts: string[]): string {
  return parts
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => (/[.!?…:;]$/.test(part) ? part : `${part}.`))
    .join(' ');
}

/**
 * The `kind` field: the words naming the record's kind (kunjungan studi tiru, praktik baik inovasi …),
 * by root and as written, searched right after the title: "studi tiru diskominfo solok" lists Kota
 * Solok's visits before its practice whose summary says "dirintis setelah studi tiru" (at the end of
 * `stemmed`, the kind's words had weighed least of all). As written, because a root is shared: a
 * visit that says "mempelajari" holds "ajar" as a lesson does, but only a lesson holds "pelajaran",
 * so "pelajaran podcast" lists the lessons on podcasts first.
 */
export function kindField(type: KnowledgeType): string {
  return `${stemText(KIND_WORDS[type])} ${KIND_WORDS[type]}`;
}

/**
 * The `stemmed` field: the roots of the record's text, then of the names it is searched by besides
 * (`names`: its agencies, places, topics and linked records), then — after a full stop, so that no
 * word before counts as next to them — the words naming a practice's stage (tahap uji coba), by
 * root and as written, and the month and year of its own date: "studi tiru 2023" finds the visits of
 * 2023, "kunjungan mei 2022" those of May 2022, "inovasi yang sudah diterapkan" the practices at the
 * stage of penerapan. The names' roots: the engine is asked for a word's root before the word, and
 * drops the word first, so a record holding "pengaduan" only in its topic's name (Pengelolaan
 * pengaduan) and "Kepulauan" only in its agency's had been found by neither "pengaduan" nor
 * "kepulauan mentawai".
 */
export function stemmedField(text: string, facts: { date?: Date | null; stage?: string | null; names?: string } = {}): string {
  const { date, stage, names } = facts;
  const named = stage && Object.hasOwn(STAGE_WORDS, stage) ? [STAGE_WORDS[stage as PracticeStage]] : [];
  const when = date ? ` ${monthName(date)} ${date.getUTCFullYear()}` : '';
  const namesRoots = names ? ` ${stemText(names)}.` : '';
  return `${stemText(text)}.${namesRoots} ${named.map((words) => `${stemText(words)} ${words}`).join(' ')}${when}`;
}

const unique = <T>(values: (T | null | undefined)[]): T[] => [...new Set(values.filter((v): v is T => v !== null && v !== undefined && v !== ''))];
/** The province and kabupaten/kota codes of agencies. */
const codesOf = (agencies: AgencyFacts[]): string[] => unique(agencies.flatMap((a) => [a.provinceCode, a.regionCode]));

export async function buildSearchDocuments(source: KnowledgeSource, records: StoredRecord[]): Promise<KnowledgeSearchDocument[]> {
  const texts = records.map((r) => source.read(r));
  const links = records.map((r) => linksOf(source, r));
  const linked = await loadLinkedRecords(links);
  const linkedAgencyIds = [...linked.visits.values()].flatMap((v) => [...v.visiting, ...v.hosts]);
  const [agencies, topics, places, lineage] = await Promise.all([
    loadAgencies([...texts.flatMap((t) => t.agencyIds), ...linkedAgencyIds]),
    topicNames('id'),
    placeNames(),
    source.type === 'practice' ? practicesInLineage(records, linked.practices) : new Map<string, PracticeLineage>(),
  ]);
  const shortNames = new Map([...agencies].map(([id, a]) => [id, a.shortName || a.name]));
  const related = (links: RecordLinks): string => {
    const practices = links.practiceIds.map((id) => linked.practices.get(id) ?? '');
    const visits = links.visitIds.map((id) => linked.visits.get(id)).map((v) => (v ? visitTitle(v.visiting, v.hosts, shortNames) : ''));
    return plain(joinSentences([...practices, ...visits]));
  };
  return records.map((record, i) => {
    const t = texts[i];
    const id = record._id.toString();
    const known = (ids: string[]): AgencyFacts[] => ids.map((a) => agencies.get(a)).filter((a): a is AgencyFacts => a !== undefined);
    const involved = known(t.agencyIds);
    // The places visited: a visit's hosts, the hosts of the visit a lesson was learned on.
    const visited = known([...t.hostAgencyIds, ...links[i].visitIds.flatMap((id) => linked.visits.get(id)?.hosts ?? [])]);
    // Who went there: a visit's visitors, a lesson's recorder.
    const own = known(t.agencyIds.filter((id) => !t.hostAgencyIds.includes(id)));
    const title = plain(t.title(shortNames));
    const summary = plain(t.summary);
    const body = plain(joinSentences(t.body));
    const published = record.status === 'published';
    const involvedNames = unique(involved.flatMap((a) => [a.name, a.shortName, ...a.aliases]));
    const regions = unique(involved.flatMap((a) => [a.provinceName, a.regencyName]));
    const topicLabels = t.topics.map((code) => topics.get(code) ?? code);
    const relatedNames = related(links[i]);
    const names = [...involvedNames, ...regions, ...topicLabels, relatedNames].join('. ');
    return {
      uid: `${source.type}-${id}`,
      type: source.type,
      id,
      url: `${source.pagePath}/${id}`,
      title,
      summary,
      agencies: involvedNames,
      regions,
      topicNames: topicLabels,
      tags: t.tags,
      body,
      related: relatedNames,
      kind: kindField(source.type),
      stemmed: stemmedField(`${title} ${summary} ${t.tags.join(' ')} ${body}`, { date: t.date, stage: t.stage, names }),
      markerKeys: [
        ...keysOfPlaces(codesOf([...involved, ...visited]), places),
        ...keysOfPlaces(codesOf(visited), places, true),
        ...crossingKeysOf(own, visited),
        ...(lineage.has(id) ? [REPLICATION_KEY] : []),
        ...(t.namesContact ? [CONTACT_KEY] : []),
      ],
      agencyNames: involved.map((a) => a.shortName || a.name),
      lineage: lineage.get(id)?.roles ?? [],
      ...(t.contactPerson ? { contactPerson: t.contactPerson } : {}),
      provinceNames: unique(involved.map((a) => a.provinceName)),
      dateIso: t.date ? t.date.toISOString() : null,
      agencyIds: t.agencyIds,
      provinceCodes: unique(involved.map((a) => a.provinceCode)),
      regionCodes: unique(involved.map((a) => a.regionCode)),
      visitedCodes: codesOf(visited),
      topics: t.topics,
      stage: t.stage,
      ...(t.digital !== null ? { digital: t.digital } : {}),
      status: published ? 'published' : 'draft',
      year: t.date ? t.date.getUTCFullYear() : null,
      visibility: published ? 'public' : 'restricted',
      allowedAgencyIds: published ? [] : t.agencyIds,
      // Only a date of the record's own: "newest" puts records without one last (the engine sorts a missing value last).
      ...(t.date ? { date: t.date.getTime() } : {}),
      // A practice's: how many published practices adopted it (sort "replicated"); other kinds have none.
      ...(source.type === 'practice' ? { replications: lineage.get(id)?.replications ?? 0 } : {}),
      updatedAt: record.updatedAt instanceof Date ? record.updatedAt.getTime() : 0,
    };
  });
}
