/** The query language of the embedded MongoDB engine: matching, updates, projection, sort, aggregation. */
export { compareValues, valuesEqual, bsonTypeName, bsonTypeNumber, typeRank } from './compare.js';
export { isNumeric, toNumber } from './numeric.js';
export { getPath, setPath, unsetPath, getExact } from './paths.js';
export { compileFilter, compileCondition, type MatchOptions } from './match.js';
export { nearDistance } from './geo.js';
export { analyzeFilter, upsertSeed, type IndexableCondition, type Bound } from './filter-analysis.js';
export { filterFields } from './filter-fields.js';
export { applyUpdate, type UpdateOptions, type UpdateResult } from './update.js';
export { applyProjection, type ProjectionOptions } from './project.js';
export { makeComparator, sortDocuments, type SortSpec } from './sort.js';
export { runPipeline, type PipelineContext } from './aggregate/pipeline.js';
export { evalExpression } from './aggregate/expressions.js';
export { valueKey } from './aggregate/value-key.js';
export type { Document, Collation } from './types.js';
