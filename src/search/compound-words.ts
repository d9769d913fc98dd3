/**
 * A compound root takes its affixes as one word: tindak lanjut → ditindaklanjuti,
 * menindaklanjuti; tanda tangan → penandatanganan; tanggung jawab → pertanggungjawaban. Sastrawi's
 * dictionary holds single roots only, so such words kept all their affixes. Every affixed form of
 * the compounds in data/compounds.json is spelled out once, with the nasal prefixes meN-/peN-
 * assimilating the first letter as Indonesian spelling does (t → men-, p → mem-, k → meng-, s → meny-).
 */
import { COMPOUNDS } from './language-data.js';

const PLAIN_PREFIXES = ['', 'di', 'ter', 'ber', 'be', 'ke', 'se', 'per', 'diper', 'memper', 'keber', 'pe'];
const SUFFIXES = ['', 'i', 'kan', 'an', 'nya', 'lah', 'kah'];

/** The root after the nasal prefix meN- or peN- (`base` "me" or "pe"). */
function nasalised(base: string, root: string): string {
  const first = root[0];
  if ('ptks'.includes(first)) return `${base}${{ p: 'm', t: 'n', k: 'ng', s: 'ny' }[first as 'p' | 't' | 'k' | 's']}${root.slice(1)}`;
  if ('bfv'.includes(first)) return `${base}m${root}`;
  if ('cdjz'.includes(first)) return `${base}n${root}`;
  if ('lrwymn'.includes(first)) return `${base}${root}`;
  return `${base}ng${root}`;
}

function affixedForms(joined: string): string[] {
  const stems = [...PLAIN_PREFIXES.map((prefix) => prefix + joined), nasalised('me', joined), nasalised('pe', joined)];
  return stems.flatMap((stem) => SUFFIXES.map((suffix) => stem + suffix));
}

const byForm = new Map<string, string>();
for (const compound of COMPOUNDS) {
  for (const form of affixedForms(compound.replace(/ /g, ''))) byForm.set(form, compound);
}

/** The compound ("tindak lanjut") a word is an affixed form of, if any. */
export function compoundOf(word: string): string | undefined {
  return byForm.get(word);
}
