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

export class Tokenizer {
  private readonly pattern: RegExp;
  private readonly cache = new Map<string, string>();

  constructor(config: TokenizerConfig = { separatorTokens: [], nonSeparatorTokens: [], dictionary: [] }) {
    const wordChar = ['[\\p{L}\\p{N}\\p{M}]', ...[...config.nonSeparatorTokens].sort(byLengthDesc).map(escapeRegExp)].join('|');
    const separators = [...config.separatorTokens].sort(byLengthDesc).map(escapeRegExp);
    const word = separators.length > 0 ? `(?:(?!${separators.join('|')})(?:${wordChar}))+` : `(?:${wordChar})+`;
    const dictionary = [...config.dictionary].sort(byLengthDesc).map(escapeRegExp);
    // Group 1: a hard separator; group 2: a dictionary entry or a word.
    const tokenAlternatives = dictionary.length > 0 ? `${dictionary.join('|')}|${word}` : word;
    this.pattern = new RegExp(`([.!?;:\\n\\r\\u3002]+)|(${tokenAlternatives})`, 'giu');
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
