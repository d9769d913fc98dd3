/**
 * Whether the best hit lacks a word of the query, read from the engine's words rule: with the
 * "last" strategy a hit holding `matchingWords` holds the engine query's first that many words.
 */
import { throughPhraseKey } from './key-phrases.js';
import { stemWord } from './stemmer.js';

/** The words rule's details of a hit (showRankingScoreDetails). */
export interface WordsRule {
  matchingWords: number;
  maxMatchingWords: number;
}

/** A hit's words rule, read from its ranking details; undefined without them (or without a hit). */
export const wordsRuleOf = (hit: { _rankingScoreDetails?: unknown } | undefined): WordsRule | undefined => (hit?._rankingScoreDetails as { words?: WordsRule } | undefined)?.words;

/**
 * Whether a hit with this words rule lacks a word typed. `asked`: the engine query's words as the
 * rule counts them (stop words out); `wordsBeforeKeys`: with place keys, the words a hit must hold
 * (those after the keys being aspects, which the keys outrank); `stemming`: whether the query gave
 * roots beside the forms typed.
 */
export function lacksTypedWord(rule: WordsRule, asked: readonly string[], wordsBeforeKeys: number | null, stemming: boolean): boolean {
  const needed = wordsBeforeKeys ?? rule.maxMatchingWords;
  // Forms are told by the words as the engine counts them: only when the counts agree.
  const aligned = stemming && asked.length === rule.maxMatchingWords;
  return rule.matchingWords < (aligned ? withoutTrailingForms(asked, throughPhraseKey(asked, needed)) : needed);
}

/**
 * How many of the engine's first `count` words a hit must hold to hold every word typed: an affixed
 * form asked for after its root ("publikasi" konten mempublikasikan) only ranks the records writing
 * it so above the others, so the forms ending the run are not needed. Without this a record holding
 * publikasi and konten was taken to lack a word of "mempublikasikan konten".
 */
function withoutTrailingForms(asked: readonly string[], count: number): number {
  let needed = count;
  while (needed > 0 && isFormOfAskedRoot(asked[needed - 1], asked)) needed -= 1;
  return needed;
}

function isFormOfAskedRoot(word: string, asked: readonly string[]): boolean {
  const root = stemWord(word);
  return root !== word && asked.includes(root);
}

/**
 * Whether a hit with this words rule lacks the key of the first place named (place-names.ts): the
 * keys come right after the words typed, so a best hit holding those and not the key involves no
 * such place — no record involving it holds the words. A hit holding fewer (one that lacks a form
 * typed beside its root, which does not make it partial) may hold the key or not: the rule stops
 * counting at the first word it lacks, so no place is said to be absent. "Apa yang dipelajari di
 * Padang Panjang" had said so above the visits to Padang Panjang, which write "mempelajari".
 */
export function lacksPlace(rule: WordsRule, wordsBeforeKeys: number | null): boolean {
  return wordsBeforeKeys !== null && rule.matchingWords === wordsBeforeKeys;
}
