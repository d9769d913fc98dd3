/**
 * "Inovasi non digital", "praktik non-digital", "inovasi yang tidak berbasis digital", "non-digital
 * innovations": the innovation index sorts innovations into digital and non-digital ones, and each
 * practice records which it is (`digital`). Searched as words, "non" was named missing and
 * "digital" put the digital practices first, the opposite of what was asked: the phrase is read off
 * the query into a filter on the practices that are not digital, the query's other words searched.
 */
import { readPhraseOff } from './phrases.js';
import { quote, type FilterClause } from './search-filters.js';

export interface QueryWithoutDigital {
  /** The query without the phrase, as typed. */
  q: string;
  /** The phrase, as typed. */
  phrase: string;
}

/** Words denying "digital" before it; "berbasis" (based) may stand between. */
const DENIALS = new Set(['non', 'tidak', 'bukan', 'not']);
const BETWEEN = new Set(['berbasis', 'based']);
/** One token: "nondigital", "non-digital" (read as two words). */
const JOINED = new Set(['nondigital', 'non digital']);

/** How many tokens from typed[i] say "not digital"; 0 when they do not. */
function deniedDigitalAt(typed: readonly string[], i: number): number {
  if (JOINED.has(typed[i])) return 1;
  if (!DENIALS.has(typed[i])) return 0;
  const between = BETWEEN.has(typed[i + 1] ?? '') ? 1 : 0;
  return typed[i + 1 + between] === 'digital' ? 2 + between : 0;
}

/** The query with the phrase asking for non-digital innovations read off; null when it has none (or quotes a phrase, taken literally). */
export function readNonDigital(q: string): QueryWithoutDigital | null {
  const read = readPhraseOff(q, (typed, i) => {
    const length = deniedDigitalAt(typed, i);
    return length > 0 ? { length, read: true } : null;
  });
  return read && { q: read.q, phrase: read.phrase };
}

/** The practices that are no digital innovation, when the query asks for them. */
export function nonDigitalFilter(nonDigital: boolean | undefined): FilterClause[] {
  return nonDigital ? [`type = ${quote('practice')}`, 'digital = false'] : [];
}
