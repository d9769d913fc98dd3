export type { FilterNode, ComparisonOperator } from './ast.js';
export { filterAttributes } from './ast.js';
export { parseFilter } from './parser.js';
export { evaluateFilter, scalarPredicate, normalizeFacetValue } from './evaluate.js';
