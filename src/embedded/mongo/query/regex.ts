/** `$regex` / `$options` to a JS RegExp, accepting PCRE's `x` (extended) flag. */
import { commandError } from '../errors.js';

/** Removes whitespace and `#` comments outside character classes, as PCRE's extended mode does. */
function stripExtended(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      out += ch + (pattern[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
    } else if (ch === '[') {
      inClass = true;
      out += ch;
    } else if (ch === '#') {
      while (i < pattern.length && pattern[i] !== '\n') i++;
    } else if (!/\s/.test(ch)) out += ch;
  }
  return out;
}

/** PCRE syntax JavaScript lacks: a leading `(?imsx)` flag group and the `\A`, `\z`, `\Z` anchors. */
function fromPcre(pattern: string, options: string): [string, string] {
  let source = pattern;
  let opts = options;
  const inline = /^\(\?([imsx]+)\)/.exec(source);
  if (inline) {
    opts += inline[1];
    source = source.slice(inline[0].length);
  }
  source = source.replace(/(^|[^\\])((?:\\\\)*)\\([AzZ])/g, (_, pre: string, slashes: string, a: string) => pre + slashes + (a === 'A' ? '^' : a === 'z' ? '$(?![\\s\\S])' : '(?=\\n?$(?![\\s\\S]))'));
  return [source, opts];
}

export function buildRegex(pattern: string, options: string): RegExp {
  let flags = '';
  const [pcreSource, opts] = fromPcre(pattern, options);
  let source = pcreSource;
  for (const ch of opts) {
    if (ch === 'i' || ch === 'm' || ch === 's') {
      if (!flags.includes(ch)) flags += ch;
    } else if (ch === 'x') source = stripExtended(source);
    else if (ch !== 'u') throw commandError('BadValue', `invalid flag in regex options: ${ch}`);
  }
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw commandError('BadValue', `Regular expression is invalid: ${(e as Error).message}`);
  }
}

/** A RegExp or bson BSONRegExp value as a JS RegExp without the global/sticky state. */
export function toRegExp(v: unknown): RegExp {
  if (v instanceof RegExp) return v.global || v.sticky ? new RegExp(v.source, v.flags.replace(/[gy]/g, '')) : v;
  const r = v as { pattern: string; options: string };
  return buildRegex(r.pattern, r.options);
}

export function isRegexValue(v: unknown): boolean {
  return v instanceof RegExp || (v !== null && typeof v === 'object' && (v as { _bsontype?: string })._bsontype === 'BSONRegExp');
}
