/**
 * Recursive-descent parser for Meilisearch's filter grammar:
 *   or := and ("OR" and)* ; and := not ("AND" not)* ; not := "NOT" not | primary
 *   primary := "(" or ")" | condition
 *   condition := attr (= | != | > | >= | < | <=) value | attr value "TO" value
 *              | attr ["NOT"] "EXISTS" | attr "IS" ["NOT"] ("NULL" | "EMPTY") | attr ["NOT"] "IN" "[" values "]"
 * Keywords are upper case, as in Meilisearch. The array form ANDs its elements and ORs inner arrays.
 */
import { MeiliError } from '../../errors.js';
import type { ComparisonOperator, FilterNode } from './ast.js';
import { filterError, lexFilter, type LexToken } from './lexer.js';

const EXPECTED_OPERATION =
  'Was expecting an operation `=`, `!=`, `>=`, `>`, `<=`, `<`, `IN`, `NOT IN`, `TO`, `EXISTS`, `NOT EXISTS`, `IS NULL`, `IS NOT NULL`, `IS EMPTY`, `IS NOT EMPTY`, `_geoRadius`, or `_geoBoundingBox`';
const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'TO', 'EXISTS', 'IS', 'NULL', 'EMPTY', 'IN']);

class FilterParser {
  private index = 0;

  constructor(
    private readonly expression: string,
    private readonly tokens: LexToken[],
  ) {}

  parse(): FilterNode {
    if (this.tokens.length === 0) return { type: 'all' };
    const node = this.parseOr();
    const rest = this.peek();
    if (rest) {
      throw filterError(
        `Found unexpected characters at the end of the filter: \`${this.expression.slice(rest.start)}\`. You probably forgot an \`OR\` or an \`AND\` rule.`,
        this.expression,
        rest.start,
      );
    }
    return node;
  }

  private peek(offset = 0): LexToken | undefined {
    return this.tokens[this.index + offset];
  }

  private isKeyword(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token?.kind === 'word' && token.text === word;
  }

  private next(): LexToken | undefined {
    return this.tokens[this.index++];
  }

  private restFrom(token: LexToken | undefined): string {
    return token ? this.expression.slice(token.start) : '';
  }

  private fail(message: string, token?: LexToken): never {
    throw filterError(message, this.expression, token?.start ?? this.expression.length);
  }

  private parseOr(): FilterNode {
    const children = [this.parseAnd()];
    while (this.isKeyword('OR')) {
      this.index++;
      children.push(this.parseAnd());
    }
    return children.length === 1 ? children[0] : { type: 'or', children };
  }

  private parseAnd(): FilterNode {
    const children = [this.parseNot()];
    while (this.isKeyword('AND')) {
      this.index++;
      children.push(this.parseNot());
    }
    return children.length === 1 ? children[0] : { type: 'and', children };
  }

  private parseNot(): FilterNode {
    if (this.isKeyword('NOT')) {
      this.index++;
      return { type: 'not', child: this.parseNot() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): FilterNode {
    const token = this.peek();
    if (!token) this.fail(`${EXPECTED_OPERATION} at \`\`.`);
    if (token.kind === '(') {
      this.index++;
      const inner = this.parseOr();
      if (this.peek()?.kind !== ')') {
        this.fail(`Expression \`${this.expression.slice(token.start)}\` is missing the following closing delimiter: \`)\`.`, token);
      }
      this.index++;
      return inner;
    }
    return this.parseCondition();
  }

  private value(context: LexToken): string {
    const token = this.peek();
    if (!token || (token.kind !== 'word' && token.kind !== 'quoted') || (token.kind === 'word' && KEYWORDS.has(token.text))) {
      this.fail(
        token ? `Was expecting a value but instead got \`${this.restFrom(token)}\`.` : 'Was expecting a value but instead got nothing.',
        token ?? context,
      );
    }
    this.index++;
    return token.text;
  }

  private parseCondition(): FilterNode {
    const attrToken = this.next() as LexToken;
    if (attrToken.kind !== 'word' && attrToken.kind !== 'quoted') this.fail(`${EXPECTED_OPERATION} at \`${this.restFrom(attrToken)}\`.`, attrToken);
    const attribute = attrToken.text;
    if (attribute.startsWith('_geo')) {
      this.fail(`The \`${attribute.replace(/\(.*$/, '')}\` filter is not supported by this engine.`, attrToken);
    }
    const token = this.peek();
    if (token?.kind === 'op') {
      this.index++;
      return { type: 'compare', attribute, operator: token.text as ComparisonOperator, value: this.value(token) };
    }
    if (this.isKeyword('EXISTS')) {
      this.index++;
      return { type: 'exists', attribute };
    }
    if (this.isKeyword('NOT') && this.isKeyword('EXISTS', 1)) {
      this.index += 2;
      return { type: 'not', child: { type: 'exists', attribute } };
    }
    if (this.isKeyword('IN')) {
      this.index++;
      return { type: 'in', attribute, values: this.valueList(attrToken) };
    }
    if (this.isKeyword('NOT') && this.isKeyword('IN', 1)) {
      this.index += 2;
      return { type: 'not', child: { type: 'in', attribute, values: this.valueList(attrToken) } };
    }
    if (this.isKeyword('IS')) {
      const negated = this.isKeyword('NOT', 1);
      const what = this.peek(negated ? 2 : 1);
      if (what?.kind === 'word' && (what.text === 'NULL' || what.text === 'EMPTY')) {
        this.index += negated ? 3 : 2;
        const node: FilterNode = what.text === 'NULL' ? { type: 'isNull', attribute } : { type: 'isEmpty', attribute };
        return negated ? { type: 'not', child: node } : node;
      }
    }
    if (token && (token.kind === 'word' || token.kind === 'quoted') && this.isKeyword('TO', 1)) {
      const from = this.value(attrToken);
      this.index++;
      return { type: 'range', attribute, from, to: this.value(token) };
    }
    this.fail(`${EXPECTED_OPERATION} at \`${this.expression.slice(attrToken.start)}\`.`, attrToken);
  }

  private valueList(context: LexToken): string[] {
    const open = this.next();
    if (open?.kind !== '[') this.fail(`Expected \`[\` after \`IN\` keyword at \`${this.restFrom(open)}\`.`, open ?? context);
    const values: string[] = [];
    while (this.peek()?.kind !== ']') {
      if (!this.peek()) this.fail(`Expected matching \`]\` after the list of field names given to \`IN[\` at \`${this.expression.slice(open.start)}\`.`, open);
      values.push(this.value(open));
      if (this.peek()?.kind === ',') this.index++;
      else if (this.peek()?.kind !== ']') {
        this.fail(`Expected matching \`]\` after the list of field names given to \`IN[\` at \`${this.expression.slice(open.start)}\`.`, open);
      }
    }
    this.index++;
    return values;
  }
}

function parseExpression(expression: string): FilterNode {
  return new FilterParser(expression, lexFilter(expression)).parse();
}

function invalidType(value: unknown): MeiliError {
  const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  return new MeiliError(
    'invalid_search_filter',
    `Invalid syntax for the filter parameter: \`expected String, Array, found: ${kind === 'object' ? 'an object' : kind}\`.`,
  );
}

/** Parses the string form or the array form (outer array = AND, inner arrays = OR). */
export function parseFilter(filter: unknown): FilterNode {
  if (typeof filter === 'string') return parseExpression(filter);
  if (!Array.isArray(filter)) throw invalidType(filter);
  const parts: FilterNode[] = [];
  for (const item of filter) {
    if (typeof item === 'string') parts.push(parseExpression(item));
    else if (Array.isArray(item)) {
      const alternatives = item.map((inner) => {
        if (typeof inner !== 'string') {
          throw new MeiliError('invalid_search_filter', `Invalid syntax for the filter parameter: \`expected String, found: ${JSON.stringify(inner)}\`.`);
        }
        return parseExpression(inner);
      });
      const kept = alternatives.filter((n) => n.type !== 'all');
      if (kept.length > 0) parts.push(kept.length === 1 ? kept[0] : { type: 'or', children: kept });
    } else throw invalidType(item);
  }
  const kept = parts.filter((n) => n.type !== 'all');
  if (kept.length === 0) return { type: 'all' };
  return kept.length === 1 ? kept[0] : { type: 'and', children: kept };
}
