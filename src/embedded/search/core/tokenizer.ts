/**
 * Splits text into normalised words with positions, close to Meilisearch's tokenizer (charabia)
 * for Latin scripts: lowercase, NFKD with diacritics removed, letters/digits as word characters,
 * everything else a separator. Soft separators (space, comma, hyphen…) advance the position by 1,
 * hard ones (. ! ? ; : and newlines) by 8, so proximity does not cross sentences.
 * Settings honoured: separatorTokens, nonSeparatorTokens, dictionary.
 */

export interface TokenizerConfig {
  separatorTokens: readonly string[];
  nonSeparatorTokens: readonly string[];
  dictionary: readonly string[];
}

export interface Token {
  /** Normalised form, as stored in the index. */
  term: string;
  /** Offsets in the original text (UTF-16 code units), for highlighting and cropping. */
  start: number;
  end: number;
  position: number;
}

export const HARD_SEPARATOR_GAP = 8;
const DIACRITICS = /\p{M}/gu;
const ASCII = /^[\x20-\x7e]*$/;

/** Lowercase + NFKD + diacritics removed: "Pelayanan Publik" → "pelayanan publik", "é" → "e". */
export function normalizeText(text: string): string {
  const lower = text.toLowerCase();
  return ASCII.test(lower) ? lower : lower.normalize('NFKD').replace(DIACRITICS, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const byLengthDesc = (a: string, b: string): number => b.length - a.length;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** ASCII classes: 0 separator, 1 hard separator, 2 lowercase letter or digit, 3 uppercase letter. */
const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) => {
  if ('.!?;:\n\r'.includes(String.fromCharCode(c))) return 1;
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return 2;
  return c >= 65 && c <= 90 ? 3 : 0;
});
/** Word-character test for the Basic Multilingual Plane, filled lazily: 0 unknown, 1 word, 2 not. */
const BMP_WORD = new Uint8Array(65536);

function isWordCodePoint(cp: number): boolean {
  if (cp < 65536) {
    if (BMP_WORD[cp] === 0) BMP_WORD[cp] = WORD_CHAR.test(String.fromCharCode(cp)) ? 1 : 2;
    return BMP_WORD[cp] === 1;
  }
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

export class Tokenizer {
  private readonly pattern: RegExp;
  private readonly cache = new Map<string, string>();
  /** No custom separators, non-separators or dictionary: the hand-written scanner applies. */
  private readonly simple: boolean;

  constructor(config: TokenizerConfig = { separatorTokens: [], nonSeparatorTokens: [], dictionary: [] }) {
    const wordChar = ['[\\p{L}\\p{N}\\p{M}]', ...[...config.nonSeparatorTokens].sort(byLengthDesc).map(escapeRegExp)].join('|');
    const separators = [...config.separatorTokens].sort(byLengthDesc).map(escapeRegExp);
    const word = separators.length > 0 ? `(?:(?!${separators.join('|')})(?:${wordChar}))+` : `(?:${wordChar})+`;
    const dictionary = [...config.dictionary].sort(byLengthDesc).map(escapeRegExp);
    // Group 1: a hard separator; group 2: a dictionary entry or a word.
    const tokenAlternatives = dictionary.length > 0 ? `${dictionary.join('|')}|${word}` : word;
    this.pattern = new RegExp(`([.!?;:\\n\\r\\u3002]+)|(${tokenAlternatives})`, 'giu');
    this.simple = config.separatorTokens.length + config.nonSeparatorTokens.length + config.dictionary.length === 0;
  }

  /** Normalises one raw word, caching the result (vocabularies are small next to texts). */
  normalize(raw: string): string {
    let term = this.cache.get(raw);
    if (term === undefined) {
      term = normalizeText(raw);
      if (this.cache.size < 200_000) this.cache.set(raw, term);
    }
    return term;
  }

  /** Calls `onToken` for every word; returns the position after the last word. */
  forEachToken(text: string, firstPosition: number, onToken: (term: string, position: number, start: number, end: number) => void): number {
    return this.simple ? this.scan(text, firstPosition, onToken) : this.matchAll(text, firstPosition, onToken);
  }

  /** The default tokenizer, by character class: same tokens as the pattern, several times faster. */
  private scan(text: string, firstPosition: number, onToken: (term: string, position: number, start: number, end: number) => void): number {
    let position = firstPosition;
    let pendingGap = 0;
    let first = true;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const start = i;
      let plain = true; // lowercase ASCII only: already normalised
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c < 128) {
          const cls = ASCII_CLASS[c];
          if (cls < 2) break;
          if (cls === 3) plain = false;
          i++;
        } else {
          const cp = text.codePointAt(i) as number;
          if (!isWordCodePoint(cp)) break;
          plain = false;
          i += cp > 0xffff ? 2 : 1;
        }
      }
      if (i > start) {
        if (!first) position += pendingGap || 1;
        first = false;
        pendingGap = 0;
        const raw = text.slice(start, i);
        const term = plain ? raw : this.normalize(raw);
        if (term.length > 0) onToken(term, position, start, i);
        continue;
      }
      const c = text.charCodeAt(i);
      if ((c < 128 && ASCII_CLASS[c] === 1) || c === 0x3002) pendingGap = HARD_SEPARATOR_GAP;
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    }
    return position;
  }

  private matchAll(text: string, firstPosition: number, onToken: (term: string, position: number, start: number, end: number) => void): number {
    let position = firstPosition;
    let pendingGap = 0;
    let first = true;
    this.pattern.lastIndex = 0;
    for (let m = this.pattern.exec(text); m !== null; m = this.pattern.exec(text)) {
      if (m[1] !== undefined) {
        pendingGap = HARD_SEPARATOR_GAP;
        continue;
      }
      if (!first) position += pendingGap || 1;
      first = false;
      pendingGap = 0;
      const term = this.normalize(m[2]);
      if (term.length > 0) onToken(term, position, m.index, m.index + m[0].length);
    }
    return position;
  }

  tokens(text: string): Token[] {
    const out: Token[] = [];
    this.forEachToken(text, 0, (term, position, start, end) => out.push({ term, position, start, end }));
    return out;
  }

  /** Just the normalised words, in order. */
  terms(text: string): string[] {
    const out: string[] = [];
    this.forEachToken(text, 0, (term) => out.push(term));
    return out;
  }
}
