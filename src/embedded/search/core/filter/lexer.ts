/** Splits a filter expression into tokens: punctuation, operators, quoted strings and bare words. */
import { MeiliError } from '../../errors.js';

export type LexKind = '(' | ')' | '[' | ']' | ',' | 'op' | 'quoted' | 'word';

export interface LexToken {
  kind: LexKind;
  text: string;
  start: number;
  end: number;
}

const OPERATORS = ['!=', '>=', '<=', '=', '>', '<'];
const BARE_STOP = /[\s()[\],'"=!<>]/;

export function filterError(message: string, expression: string, start = 0, end = expression.length): MeiliError {
  return new MeiliError('invalid_search_filter', `${message}\n${start + 1}:${end + 1} ${expression}`);
}

export function lexFilter(expression: string): LexToken[] {
  const tokens: LexToken[] = [];
  let i = 0;
  while (i < expression.length) {
    const c = expression[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if ('()[],'.includes(c)) {
      tokens.push({ kind: c as LexKind, text: c, start: i, end: i + 1 });
      i++;
      continue;
    }
    const op = OPERATORS.find((o) => expression.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', text: op, start: i, end: i + op.length });
      i += op.length;
      continue;
    }
    if (c === '"' || c === "'") {
      let text = '';
      let j = i + 1;
      while (j < expression.length && expression[j] !== c) {
        if (expression[j] === '\\' && j + 1 < expression.length) j++;
        text += expression[j];
        j++;
      }
      if (j >= expression.length) {
        throw filterError(`Expression \`${expression.slice(i)}\` is missing the following closing delimiter: \`${c}\`.`, expression, i);
      }
      tokens.push({ kind: 'quoted', text, start: i, end: j + 1 });
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < expression.length && !BARE_STOP.test(expression[j])) j++;
    if (j === i) {
      // A lone "!" (not followed by "="): nothing can start here.
      throw filterError(`Found unexpected characters at the end of the filter: \`${expression.slice(i)}\`. You probably forgot an \`OR\` or an \`AND\` rule.`, expression, i);
    }
    tokens.push({ kind: 'word', text: expression.slice(i, j), start: i, end: j });
    i = j;
  }
  return tokens;
}
