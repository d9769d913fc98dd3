/**
 * Evaluating filters against documents. Leaf conditions are decided per scalar value
 * (`scalarMatches`), so the same rule serves one document here and the distinct values of a
 * facet index in search.
 * Semantics: numbers compare numerically when the document value is a number and the filter
 * value parses as one; strings compare after normalisation (case and diacritics folded); `true`
 * / `false` compare as strings; an array matches when any element matches. Range operators
 * (> >= < <= TO) are numeric only: a string never satisfies them (see RANKING.md).
 */
import { rawValuesAt, valuesAt, type Doc } from '../fields.js';
import { normalizeText } from '../tokenizer.js';
import type { FilterNode } from './ast.js';

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function parseFilterNumber(text: string): number | null {
  return NUMBER.test(text.trim()) ? Number(text) : null;
}

/** How facet string values are compared and counted. */
export function normalizeFacetValue(value: string): string {
  return normalizeText(value).trim();
}

/** A leaf condition reduced to a predicate over one scalar value. */
export type ScalarPredicate = (value: unknown) => boolean;

function equalsPredicate(text: string): ScalarPredicate {
  const number = parseFilterNumber(text);
  const normalized = normalizeFacetValue(text);
  return (value) => {
    if (typeof value === 'number') return number !== null && value === number;
    if (typeof value === 'string') return normalizeFacetValue(value) === normalized;
    if (typeof value === 'boolean') return String(value) === normalized;
    return false;
  };
}

function numericPredicate(test: (n: number) => boolean): ScalarPredicate {
  return (value) => typeof value === 'number' && test(value);
}

/**
 * The scalar predicate of a value condition, or null for structural conditions (EXISTS, IS NULL,
 * IS EMPTY) and for `!=`, which is the negation of `=` over the whole document.
 */
export function scalarPredicate(node: FilterNode): ScalarPredicate | null {
  switch (node.type) {
    case 'compare': {
      if (node.operator === '=') return equalsPredicate(node.value);
      if (node.operator === '!=') return null;
      const bound = parseFilterNumber(node.value);
      if (bound === null) return () => false;
      if (node.operator === '>') return numericPredicate((n) => n > bound);
      if (node.operator === '>=') return numericPredicate((n) => n >= bound);
      if (node.operator === '<') return numericPredicate((n) => n < bound);
      return numericPredicate((n) => n <= bound);
    }
    case 'range': {
      const from = parseFilterNumber(node.from);
      const to = parseFilterNumber(node.to);
      if (from === null || to === null) return () => false;
      return numericPredicate((n) => n >= from && n <= to);
    }
    case 'in': {
      const predicates = node.values.map(equalsPredicate);
      return (value) => predicates.some((p) => p(value));
    }
    default:
      return null;
  }
}

function isEmptyValue(value: unknown): boolean {
  if (value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return value !== null && typeof value === 'object' && Object.keys(value).length === 0;
}

/** Whether one document satisfies the filter. */
export function evaluateFilter(node: FilterNode, doc: Doc): boolean {
  switch (node.type) {
    case 'all':
      return true;
    case 'and':
      return node.children.every((child) => evaluateFilter(child, doc));
    case 'or':
      return node.children.some((child) => evaluateFilter(child, doc));
    case 'not':
      return !evaluateFilter(node.child, doc);
    case 'exists':
      return rawValuesAt(doc, node.attribute).length > 0;
    case 'isNull':
      return rawValuesAt(doc, node.attribute).some((v) => v === null);
    case 'isEmpty':
      return rawValuesAt(doc, node.attribute).some(isEmptyValue);
    case 'compare':
      if (node.operator === '!=') {
        return !evaluateFilter({ type: 'compare', attribute: node.attribute, operator: '=', value: node.value }, doc);
      }
  }
  const predicate = scalarPredicate(node) as ScalarPredicate;
  return valuesAt(doc, node.attribute).some(predicate);
}
