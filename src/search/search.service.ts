/**
 * searchKnowledge: one query over visits, practices and lessons, with highlighted snippets, facets
 * and paging. The permission filter comes from the acting user, never from the parameters, and
 * applies to the facet counts too. An unreachable engine becomes ServiceUnavailableError (503,
 * engine-answers.ts).
 */
import type { Hit } from 'meilisearch';
import type { ActingUser } from '../auth/acting-user.js';
import type { KnowledgeSearchDocument } from './knowledge-index.js';
import { isEnglishWord } from './english-words.js';
import { buildFacets } from './facet-values.js';
import { correctedKindTypos, namesKind } from './kind-names.js';
import { asksNewest, asksUnreplicated, endsInWord, kindNamedBy, readWords, searchedWords, yearsIn } from './query-terms.js';
import { namesDate } from './engine-order.js';
import { firstPlaceName, placeNames } from './place-names.js';
import { spelledAsIn, withoutMissingWords, type CountedWord } from './missing-words.js';
import { hitsWithoutFirstWord } from './other-words.js';
import { searchTarget } from './search-context.js';
import { FACET_NAMES, permissionFilter, quote, selectionFilter, type FacetSelection, type FilterClause } from './search-filters.js';
import { hasMark, MARK_END, MARK_START } from './snippet.js';
import { formattedText, HIGHLIGHTED, toHit } from './search-hits.js';
import { STOP_WORD_SET, SYNONYM_WORDS } from './language-data.js';
import { isDictionaryRoot, stemWord, words } from './stemmer.js';
import { suggestQuery } from './suggestion.js';
import { rootOfAffixedReading, synonymTyposIn, withTyposRead } from './synonym-typos.js';
import { placeTyposIn } from './place-typos.js';
import { readYearRange, yearRangeFilter } from './year-ranges.js';
import { placesLeftOutFilter, readPlacesLeftOut, withoutKeptNames } from './outside-places.js';
import { lacksPlace, lacksTypedWord, wordsRuleOf } from './words-held.js';
import { withFirstPageReadings } from './first-page.js';
import { engineQuery, placesFor, type EngineQuery } from './engine-query.js';
import { engineAnswers, engineDown, type EngineAnswer } from './engine-answers.js';
import { withPlaceFirst } from './place-first.js';
import { withReplicasAfterOriginal } from './replicas-first.js';
import { REPLICATION_KEY } from './replication.js';
import { alternativeSearches, readAlternatives, type AlternativeSearch } from './either-words.js';
import { joinedPlaceSearches, type PlaceSearch } from './joined-places.js';
import { unreplicatedFilter } from './denied-replication.js';
import { readMostReplicated } from './most-replicated.js';
import { nonDigitalFilter, readNonDigital } from './non-digital.js';
import { dayRangeFilter, readMonthRange, readWeekRange } from './calendar-ranges.js';
import { readRecentDays } from './recent-days.js';
import { readUpcomingDays } from './upcoming-days.js';
import { readYearList, type QueryWithYears } from './year-lists.js';
import { spellingOfWordsAlone } from './word-spellings.js';
import { exclusionsFirst, readExclusions } from './query-operators.js';
import type { SearchParams, SearchResult } from './search-types.js';

export const MAX_PER_PAGE = 50;
/** The engine counts at most this many hits (pagination.maxTotalHits). */
const MAX_TOTAL_HITS = 1000;

function selectionOf(params: SearchParams): FacetSelection {
  return { type: params.type, province: params.province, agency: params.agency, topic: params.topic, stage: params.stage, status: params.status, year: params.year };
}

/** The page asked for (the query schema caps it) and its size; past the last page the engine answers no hit. */
function paging(params: SearchParams): { page: number; perPage: number } {
  const perPage = Math.min(Math.max(Math.trunc(params.perPage ?? 20), 1), MAX_PER_PAGE);
  return { page: Math.max(Math.trunc(params.page ?? 1), 1), perPage };
}

/**
 * Query words did-you-mean leaves alone: they may match with no highlighted look-alike in the hits,
 * a kind name in the unhighlighted stemmed field, a word of a synonym phrase through its synonym;
 * a stop word is not searched at all, an English word is searched as its Indonesian reading; a root
 * of the stemmer's dictionary (replikasi), or an affixed form of one (penyajian: saji), is a word
 * of the language that some record may hold, whatever look-alike the best hits matched (realisasi,
 * penyatuan). About 7 % of one-letter typos of affixed words read as such a form too (measured
 * over the affixed words of the seeds): when no record holds the root they read as, they are
 * searched again as typed and corrected one letter only (searchOnce).
 */
function matchedUnseen(word: string): boolean {
  return namesKind(word) || SYNONYM_WORDS.has(word) || STOP_WORD_SET.has(word) || isEnglishWord(word) || isDictionaryRoot(word) || isDictionaryRoot(stemWord(word));
}

export async function searchKnowledge(actor: ActingUser, params: SearchParams): Promise<SearchResult> {
  if (params.stemming === false) return searchRead(actor, params);
  // Words excluded (-malang) are the engine's to read, apart from every reading of the others, as
  // the query is typed too (its suggestions had put Malang's records first).
  const operators = readExclusions(params.q);
  const excludedOff = operators ? { ...params, q: operators.q, excluded: operators.excluded } : params;
  // While it is typed, a word may be unfinished, not mistyped.
  const typosRead = params.typing ? undefined : await mistypedWordsRead(actor, excludedOff);
  const asked = typosRead ? { ...excludedOff, q: typosRead } : excludedOff;
  const searched = params.typing ? await searchRead(actor, asked) : await searchNarrowed(actor, asked);
  // A synonym or place word read through its typo is shown spelled right, as a kind's word is (searchRead).
  const result = typosRead && !searched.suggestion ? { ...searched, suggestion: typosRead } : searched;
  const excluded = operators?.excluded ?? [];
  if (excluded.length === 0) return result;
  // The suggestion keeps the exclusions, as the engine reads them: following it keeps them.
  const suggestion = result.suggestion ? `${result.suggestion} ${exclusionsFirst(excluded).trim()}` : undefined;
  return { ...result, excluded, ...(suggestion ? { suggestion } : {}) };
}

/**
 * The query with the synonym and place words it mistypes read as them (synonym-typos.ts,
 * place-typos.ts), of those that no record the actor may see holds as typed; undefined when there
 * is none. A word that may mistype both is read as the synonym word.
 */
async function mistypedWordsRead(actor: ActingUser, params: SearchParams): Promise<string | undefined> {
  const typos = new Map([...placeTyposIn(params.q, await placeNames()), ...synonymTyposIn(params.q)]);
  if (typos.size === 0) return undefined;
  const typed = [...typos.keys()];
  // The root a word reads as, counted too where it alone kept the word from being a typo.
  const roots = typed.map((word) => rootOfAffixedReading(word));
  const rootsAsked = [...new Set(roots.filter((root) => root !== undefined))];
  // Quoted, a word is matched as written only: neither through a typo nor as a prefix.
  const counts = await countEach(actor, { q: params.q, excluded: params.excluded }, [...typed, ...rootsAsked].map((word) => ({ q: `"${word}"`, whole: true })));
  const rootHeld = (root: string | undefined): boolean => root !== undefined && counts[typed.length + rootsAsked.indexOf(root)] > 0;
  const mistyped = new Map([...typos].filter((_, i) => counts[i] === 0 && !rootHeld(roots[i])));
  return mistyped.size > 0 ? withTyposRead(params.q, mistyped) : undefined;
}

/** searchKnowledge once the words excluded, if any, are read off. */
async function searchNarrowed(actor: ActingUser, params: SearchParams): Promise<SearchResult> {
  // A span of years named (sejak 2023) and places left out (di luar Sumbar) narrow every search below; the words left are searched.
  const span = readYearRange(params.q);
  // Or several years named together (podcast 2021 dan 2022).
  const list = span ? null : readYearList(params.q);
  const afterYears = span?.q ?? list?.q ?? params.q;
  // A week or a month named (minggu lalu, bulan ini), the days up to today (3 bulan terakhir) or from today on (mendatang).
  const week = readWeekRange(afterYears) ?? readMonthRange(afterYears) ?? readRecentDays(afterYears) ?? readUpcomingDays(afterYears);
  const afterWeek = week?.q ?? afterYears;
  const outside = readPlacesLeftOut(afterWeek, await placeNames());
  const afterPlaces = outside?.q ?? afterWeek;
  // Innovations that are not digital (inovasi non digital).
  const nonDigital = readNonDigital(afterPlaces);
  const afterNonDigital = nonDigital?.q ?? afterPlaces;
  // The most replicated first (paling banyak ditiru): a sort, not words.
  const mostReplicated = readMostReplicated(afterNonDigital);
  const unreplicated = asksUnreplicated(params.q);
  if (!span && !list && !week && !outside && !nonDigital && !mostReplicated && !unreplicated) return searchRead(actor, params);
  const q = mostReplicated?.q ?? afterNonDigital;
  const sort = mostReplicated ? 'replicated' : params.sort;
  const narrowed: SearchParams = { ...params, q, sort, yearRange: span?.range, years: list?.years, dayRange: week?.range, placesLeftOut: outside?.left, nonDigital: nonDigital !== null, unreplicated };
  const dated = await searchRead(actor, narrowed);
  const undated = await withoutEmptyDates(actor, narrowed, dated, [span?.phrase, list?.phrase, week?.phrase]);
  const result = undated ?? (list ? withYearsHeld(dated, list, params.q) : dated);
  // The suggestion keeps the span, the years, the week, the places, non-digital and the most replicated as typed: following it keeps them.
  const phrases = [span?.phrase, list?.phrase, week?.phrase, outside?.phrase, nonDigital?.phrase, mostReplicated?.phrase].filter((phrase) => phrase !== undefined).join(' ');
  return {
    ...result,
    ...(span && !undated ? { yearRange: span.range } : {}),
    ...(week && !undated ? { dayRange: week.range } : {}),
    ...(outside ? { placesLeftOut: { involved: outside.left.involved.names, visited: outside.left.visited.names } } : {}),
    ...(unreplicated ? { unreplicated } : {}),
    ...(nonDigital ? { nonDigital: true as const } : {}),
    ...(result.suggestion ? { suggestion: `${withoutKeptNames(result.suggestion, outside?.kept ?? [])} ${phrases}` } : {}),
  };
}

/**
 * Of the years named, those the hits are of, read from the year facet (every one when some hit was
 * found but facets are not counted), and the others as typed, to be named missing (podcast 2021 dan 2030).
 */
function yearsHeld(result: SearchResult, named: readonly string[], q: string): { held: string[]; absent: string[] } {
  const counted = result.totalHits === 0 || result.facets.year.length > 0 ? new Set(result.facets.year.map((value) => value.value)) : new Set(named);
  return { held: named.filter((year) => counted.has(year)), absent: [...new Set(named.filter((year) => !counted.has(year)).map((year) => spelledAsIn(year, q)))] };
}

/** The years named together that the hits are of (meta.years); the others named missing. */
function withYearsHeld(result: SearchResult, list: QueryWithYears, q: string): SearchResult {
  const { held, absent } = yearsHeld(result, list.years.map(String), q);
  return { ...result, years: held, ...(absent.length > 0 ? { missingWords: [...absent, ...(result.missingWords ?? [])] } : {}) };
}

/**
 * A span of years or a week (sejak 2023, minggu lalu) that leaves no hit is named missing as typed,
 * as a year no record holds with the other words is (withDatesLeftOutNamed), and the records of
 * other dates are listed: "kunjungan minggu lalu" in a week without visits had answered nothing, not
 * even when the last one was. Undefined when no date was read off, some hit was found, or none
 * is found without the dates either.
 */
async function withoutEmptyDates(actor: ActingUser, params: SearchParams, dated: SearchResult, phrases: (string | undefined)[]): Promise<SearchResult | undefined> {
  const named = phrases.filter((phrase) => phrase !== undefined);
  if (dated.totalHits > 0 || named.length === 0) return undefined;
  const undated = await searchRead(actor, { ...params, yearRange: undefined, years: undefined, dayRange: undefined });
  if (undated.totalHits === 0) return undefined;
  return { ...undated, missingWords: [...named, ...(undated.missingWords ?? [])] };
}

/** searchKnowledge once the query's span of years and places left out, if any, are read off. */
async function searchRead(actor: ActingUser, params: SearchParams): Promise<SearchResult> {
  // Every reading of the query below knows the names of places (english-words.ts).
  await placeNames();
  const searched = await searchAsAskedOfAll(actor, params);
  // A kind's word read through its typo (kunjungn) is shown spelled right, as any correction is.
  const corrected = params.typing ? undefined : correctedKindTypos(params.q);
  const result = corrected && !searched.suggestion ? { ...searched, suggestion: corrected } : searched;
  // As it is typed the query is unfinished, and without stemming it is the evaluation's plain baseline.
  // Only a result without a hit holding every word pays for counting the words (missing-words.ts).
  if (params.typing || params.stemming === false) return result;
  const whole = result.totalHits > 0 && !result.partial ? result : ((await withoutMissingWords(actor, params, { search: searchAsAskedOfAll, count: countEach, prefixWord: await prefixWordOf(params) })) ?? result);
  const dated = await withWordsSpelled(actor, params, withDatesLeftOutNamed(params, whole));
  const withoutFirstWord = await hitsWithoutFirstWord(actor, params, dated, searchAsAsked);
  return withoutFirstWord ? { ...dated, withoutFirstWord } : dated;
}

/** A result whose best hit lacks a word and that suggests nothing: the spelling each word searched alone was read as (word-spellings.ts). */
async function withWordsSpelled(actor: ActingUser, params: SearchParams, result: SearchResult): Promise<SearchResult> {
  if (!result.partial || result.suggestion || result.missingWords?.length) return result;
  const asTyped = new Set(params.asTyped);
  const kept = (word: string): boolean => !asTyped.has(word) && matchedUnseen(word);
  const oneTypoOnly = (word: string): boolean => asTyped.has(word) && matchedUnseen(word);
  const suggestion = await spellingOfWordsAlone(params.q, (words) => markedAlone(actor, params, words), kept, oneTypoOnly);
  return suggestion ? { ...result, suggestion } : result;
}

/** The word the engine query of `params` ends with, unless a space or a quote ends it: the one word the engine reads as the start of a longer one. */
async function prefixWordOf(params: SearchParams): Promise<string | null> {
  const { asked } = engineQuery(params, await placesFor(params));
  return endsInWord(asked.q) ? (words(asked.q).pop() ?? null) : null;
}

/** Each word searched alone, whole, with the same permission and filters: its best record's highlighted texts. */
async function markedAlone(actor: ActingUser, params: SearchParams, words: string[]): Promise<string[]> {
  const { client, indexUid } = searchTarget();
  const filter = filterOfAll(actor, params);
  const places = await placesFor(params);
  const queries = words.map((word) => {
    const { asked } = engineQuery({ q: word }, places);
    const q = `${exclusionsFirst(params.excluded)}${asked.q.trimEnd()} `;
    return { indexUid, ...asked, q, filter, limit: 1, attributesToRetrieve: [], attributesToHighlight: [...HIGHLIGHTED], highlightPreTag: MARK_START, highlightPostTag: MARK_END };
  });
  const { results } = await client.multiSearch({ queries }).catch(engineDown);
  return results.flatMap((r) => (r.hits as Hit<KnowledgeSearchDocument>[]).flatMap((hit) => Object.values(formattedText(hit)).filter(hasMark)));
}

/** searchAsAsked, with what the best hit of all tells read from the first page on a later one (first-page.ts). */
async function searchAsAskedOfAll(actor: ActingUser, params: SearchParams): Promise<SearchResult> {
  return withFirstPageReadings(actor, params, await searchAsAsked(actor, params), searchAsAsked);
}

/**
 * A date named beside other words (kunjungan ke Jawa Tengah tahun lalu) is asked after them, so the
 * engine drops it before them and lists the other years: it is named missing as typed when no
 * record holds it with them, which the best hit of all tells.
 */
function withDatesLeftOutNamed(params: SearchParams, result: SearchResult): SearchResult {
  const { datesLeftOut, ...shown } = result;
  if (!datesLeftOut?.length) return shown;
  return { ...shown, missingWords: [...new Set([...(result.missingWords ?? []), ...datesLeftOut.map((word) => spelledAsIn(word, params.q))])] };
}

/**
 * A query that only names a kind of record ("pelajaran", "studi banding"), years aside, lists that
 * kind's records (of those years), newest first, unless the type facet leaves that kind out; any
 * other query is searched as it is, newest first when it asks so ("inovasi terbaru").
 */
async function searchAsAsked(actor: ActingUser, params: SearchParams): Promise<SearchResult> {
  const read = !params.typing && params.stemming !== false;
  // "Terbaru" alone, or with stop words only, asks for everything, newest first.
  const newest = read && asksNewest(params.q);
  const asked: SearchParams = newest ? { ...params, sort: 'newest', q: searchedWords(params.q).length > 0 ? params.q : '' } : params;
  const kind = read ? kindNamedBy(params.q) : null;
  if (!kind || (params.type?.length && !params.type.includes(kind))) return searchOnce(actor, asked);
  // Years named beside the kind narrow it to the records of any of them, still newest first: as
  // words, "studi tiru 2022 dan 2023" had required 2022 and named 2023 missing.
  const years = [...new Set(yearsIn(params.q))];
  const all = () => searchOnce(actor, { ...asked, q: '', kind });
  if (years.length === 0) return { ...(await all()), kindNamed: kind };
  const dated = await searchOnce(actor, { ...asked, q: '', kind, years: years.map(Number), sort: 'newest' });
  const { held, absent } = yearsHeld(dated, years, params.q);
  // None of those years: the kind's records, the years named missing as typed (records of another kind may hold them).
  if (dated.totalHits === 0) return { ...(await all()), kindNamed: kind, missingWords: absent };
  return { ...dated, kindNamed: kind, kindYears: held, ...(absent.length > 0 ? { missingWords: absent } : {}) };
}

/** The filter clauses of what the query named besides its words: a span of years, years beside a kind, a week, places left out, practices nobody adopted, non-digital ones. */
function narrowingFilter(params: SearchParams): FilterClause[] {
  const years: FilterClause[] = params.years?.length ? [params.years.map((year) => `year = ${year}`)] : [];
  return [...yearRangeFilter(params.yearRange), ...years, ...dayRangeFilter(params.dayRange), ...placesLeftOutFilter(params.placesLeftOut), ...unreplicatedFilter(params.unreplicated), ...nonDigitalFilter(params.nonDigital)];
}

/** The filter of every search for the actor with these parameters: permission, selected facets, what the query named. */
function filterOfAll(actor: ActingUser, params: SearchParams): FilterClause[] {
  return [...permissionFilter(actor), ...selectionFilter(selectionOf(params)), ...narrowingFilter(params)];
}

/** How many records each query finds for the actor with the same filters, in one round trip and without hits. */
async function countEach(actor: ActingUser, params: SearchParams, queries: CountedWord[]): Promise<number[]> {
  const { client, indexUid } = searchTarget();
  const filter = filterOfAll(actor, params);
  const places = await placesFor(params);
  const multi = queries.map((query) => {
    const { asked } = engineQuery(query, places);
    // A space after the last word: the engine reads it whole.
    const q = query.whole ? `${asked.q.trimEnd()} ` : asked.q;
    return { indexUid, ...asked, q: exclusionsFirst(params.excluded) + q, filter, limit: 0, ...(query.allWords ? { matchingStrategy: 'all' as const } : {}) };
  });
  const { results } = await client.multiSearch({ queries: multi }).catch(engineDown);
  return results.map((r) => r.estimatedTotalHits ?? r.totalHits ?? 0);
}

/**
 * The alternatives no record holds, as typed: its search found nothing (the "last" strategy keeps
 * the alternative leading it), and neither does it with the records of the alternatives before it
 * (counted then).
 */
async function alternativesMissing(actor: ActingUser, params: SearchParams, searches: readonly AlternativeSearch[], alternatives: readonly string[], totals: readonly number[]): Promise<string[]> {
  const empty = alternatives.map((_, i) => i).filter((i) => totals[i] === 0);
  const recounted = empty.filter((i) => i > 0);
  const counts = recounted.length > 0 ? await countEach(actor, params, recounted.map((i) => ({ q: searches[i].q, whole: false }))) : [];
  return empty.filter((i) => i === 0 || counts[recounted.indexOf(i)] === 0).map((i) => alternatives[i]);
}

/**
 * The page's hits of a single search ranked by relevance, reordered within the page: those involving
 * the first place named first among those the words rule ranks equal (place-first.ts); asked who
 * adopted a practice, the practices adopted from the best hit right after it (replicas-first.ts).
 */
function reorderedInPage(answer: EngineAnswer, { asked, wordsBeforeKeys }: EngineQuery, page: number): EngineAnswer {
  const asks = words(asked.q);
  const key = wordsBeforeKeys === null ? undefined : asks[wordsBeforeKeys];
  const placed = key === undefined || wordsBeforeKeys === null ? answer.hits : withPlaceFirst(answer.hits, key, wordsBeforeKeys);
  return { ...answer, hits: page === 1 && asks.includes(REPLICATION_KEY) ? withReplicasAfterOriginal(placed) : placed };
}

/** The words of an engine query the words rule counts: a question's opening and stop words left out. */
const countedWords = (q: string): string[] => words(q).filter((w) => !STOP_WORD_SET.has(w));

async function searchOnce(actor: ActingUser, params: SearchParams): Promise<SearchResult> {
  const { page, perPage } = paging(params);
  const q = params.q.trim();
  const stemming = params.stemming ?? true;
  const selection = selectionOf(params);
  const places = await placesFor(params);
  // Words joined by "atau" (podcast atau radio): one search per alternative, merged (either-words.ts); as typed too, though no place is read then.
  const either = stemming ? readAlternatives(q, places ?? (await placeNames())) : null;
  // Places joined (kota Solok dan Padang Panjang): one search per place and one of the others, merged (joined-places.ts).
  const joined = either || !places ? null : joinedPlaceSearches(params.q, places);
  const searches: (AlternativeSearch & Partial<PlaceSearch>)[] = either
    ? alternativeSearches(either, params.excluded, params.typing)
    : (joined?.map((search) => ({ ...search, excluded: params.excluded ?? [] })) ?? [{ q: params.q, excluded: params.excluded ?? [] }]);
  const asked = searches.map(({ q: searched, excluded, filter }) => ({ ...engineQuery({ ...params, q: searched }, places), excluded, filter }));
  const withFacets = params.facets ?? true;
  const selected = withFacets ? FACET_NAMES.filter((name) => (selection[name]?.length ?? 0) > 0) : [];
  const counted = withFacets ? FACET_NAMES.filter((name) => !selected.includes(name)) : [];
  // Without words relevance means nothing: the newest come first, unless the most replicated are asked for.
  const order = q === '' && params.sort !== 'replicated' ? 'newest' : (params.sort ?? 'relevance');
  const allowed = [...permissionFilter(actor), ...(params.kind ? [`type = ${quote(params.kind)}`] : []), ...narrowingFilter(params)];
  const { main: answered, perFacet, from, totals } = await engineAnswers(asked, { page, perPage, order, allowed, selection, counted, selected });
  const main = order === 'relevance' && asked.length === 1 ? reorderedInPage(answered, asked[0], page) : answered;
  const facets = await buildFacets(main, perFacet, withFacets ? selection : {});
  const totalHits = main.totalHits ?? main.estimatedTotalHits ?? 0;
  // The best hit's search tells what it lacks; snippets mark the affixed forms of every search's roots.
  const { asked: best, wordsBeforeKeys, place } = asked[from[0] ?? 0];
  const askedWords = countedWords(best.q);
  // A letter alone (the e of e-musrenbang) is no root to mark: every S.E. of an academic title has it.
  const roots = new Set(stemming ? asked.flatMap((search) => countedWords(search.asked.q)).map(stemWord).filter((root) => root.length > 1) : []);
  const lacksWord = (hit: EngineAnswer['hits'][number] | undefined): boolean => {
    const rule = wordsRuleOf(hit);
    return rule !== undefined && lacksTypedWord(rule, askedWords, wordsBeforeKeys, stemming);
  };
  const wordsRule = wordsRuleOf(main.hits[0]);
  const partial = lacksWord(main.hits[0]);
  // One search's hits holding every word come first, then those holding fewer ("dinas kesehatan": 2
  // of 175): where those begin on this page, when every hit after holds fewer.
  const firstLacking = partial || asked.length > 1 || params.typing ? -1 : main.hits.findIndex(lacksWord);
  const partialFrom = firstLacking > 0 && main.hits.slice(firstLacking).every(lacksWord) ? firstLacking : undefined;
  // The words rule counts the query's words but its stop words, which the engine leaves out.
  const datesLeftOut = wordsRule && stemming && !params.typing ? askedWords.slice(wordsRule.matchingWords).filter(namesDate) : [];
  // Without marks around stop words (formattedText): one the engine matched through a typo (sampah → sampai) would be no query at all.
  const formatted = main.hits.map(formattedText);
  const bestMarked = formatted.slice(0, 3).flatMap((texts) => Object.values(texts).filter(hasMark));
  // A word searched as typed is one whose root no record holds: one letter from a word the best hits
  // hold, it is that word mistyped (keterbukan, read as buk), though its root is one of the dictionary;
  // two letters from one, a word of the language no record holds (dirumuskan, diumumkan).
  const asTyped = new Set(params.asTyped);
  const suggestion = q ? suggestQuery(q, bestMarked, (word) => !asTyped.has(word) && matchedUnseen(word), (word) => asTyped.has(word) && matchedUnseen(word)) : undefined;
  // A typo in a longer place's name (padang pnajang) reads a shorter place (Kota Padang): when the
  // suggestion names another place, the one read is not told absent.
  const placeRead = place !== null && !(suggestion && places && firstPlaceName(readWords(suggestion), places) !== place);
  const placeAbsent = wordsRule !== undefined && placeRead && !partial && lacksPlace(wordsRule, wordsBeforeKeys) ? place : undefined;
  const missingWords = either && !params.typing ? await alternativesMissing(actor, params, searches, either.alternatives, totals) : [];
  return {
    hits: main.hits.map((hit, i) => toHit(hit, formatted[i], roots)),
    facets,
    page,
    perPage,
    totalHits,
    totalPages: Math.ceil(Math.min(totalHits, MAX_TOTAL_HITS) / perPage),
    sort: order,
    ...(suggestion ? { suggestion } : {}),
    ...(partial ? { partial } : {}),
    ...(partialFrom !== undefined ? { partialFrom } : {}),
    ...(placeAbsent ? { placeAbsent } : {}),
    ...(datesLeftOut.length > 0 ? { datesLeftOut } : {}),
    ...(either ? { either: either.alternatives } : {}),
    ...(missingWords.length > 0 ? { missingWords } : {}),
  };
}
