import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Double, Int32, Long } from 'bson';
import { MongoCommandError } from '../../../../src/embedded/mongo/errors.js';
import { bsonTypeName, runPipeline, type Document } from '../../../../src/embedded/mongo/query/index.js';

const collections: Record<string, Document[]> = {
  orders: [
    { _id: 1, item: 'almonds', price: new Int32(12), qty: new Int32(2), tags: ['a', 'b'] },
    { _id: 2, item: 'pecans', price: new Int32(20), qty: new Int32(1), tags: ['b'] },
    { _id: 3, item: 'almonds', price: new Double(12.5), qty: new Int32(4) },
  ],
  inventory: [
    { _id: 10, sku: 'almonds', instock: 120 },
    { _id: 11, sku: 'pecans', instock: 80 },
    { _id: 12, sku: 'cashews', instock: 60 },
  ],
};
const ctx = { lookupCollection: (name: string) => collections[name] ?? [] };
const run = (pipeline: Document[], input = collections.orders) => runPipeline(input, pipeline, ctx);

function rejects(pipeline: Document[], code: number, text: RegExp) {
  assert.throws(() => run(pipeline), (e: unknown) => e instanceof MongoCommandError && e.code === code && text.test(e.message));
}

describe('runPipeline basic stages', () => {
  test('runPipeline – countDocuments shape $match + $group _id 1 $sum 1 – one document with the count', () => {
    const out = run([{ $match: { item: 'almonds' } }, { $group: { _id: 1, n: { $sum: 1 } } }]);
    assert.deepEqual(out, [{ _id: 1, n: new Int32(2) }]);
    assert.deepEqual(run([{ $match: { item: 'none' } }, { $group: { _id: 1, n: { $sum: 1 } } }]), []);
  });

  test('runPipeline – $group with accumulators – typed results per key', () => {
    const out = run([
      { $group: { _id: '$item', total: { $sum: { $multiply: ['$price', '$qty'] } }, avg: { $avg: '$qty' }, max: { $max: '$price' }, first: { $first: '$_id' }, ids: { $push: '$_id' }, tags: { $addToSet: '$tags' }, c: { $count: {} } } },
      { $sort: { _id: 1 } },
    ]);
    assert.equal(out[0]._id, 'almonds');
    assert.equal(bsonTypeName(out[0].total), 'double');
    assert.equal(Number(out[0].total), 74);
    assert.equal(bsonTypeName(out[0].avg), 'double');
    assert.equal(Number(out[0].avg), 3);
    assert.deepEqual(out[0].ids, [1, 3]);
    assert.deepEqual(out[1].total, new Int32(20));
    assert.deepEqual(out[0].c, new Int32(2));
  });

  test('runPipeline – $project, $addFields, $unset, $sort, $skip, $limit – reshaped and paged', () => {
    const out = run([
      { $addFields: { value: { $multiply: ['$price', '$qty'] }, 'meta.src': 'x' } },
      { $project: { item: 1, value: 1, meta: 1, _id: 0 } },
      { $sort: { value: -1 } },
      { $skip: 1 },
      { $limit: 1 },
    ]);
    assert.deepEqual(out, [{ item: 'almonds', value: new Int32(24), meta: { src: 'x' } }]);
    assert.deepEqual(Object.keys(run([{ $unset: ['tags', 'qty'] }])[0]), ['_id', 'item', 'price']);
  });

  test('runPipeline – $unwind string and object forms – one document per element', () => {
    assert.equal(run([{ $unwind: '$tags' }]).length, 3);
    const out = run([{ $unwind: { path: '$tags', includeArrayIndex: 'i', preserveNullAndEmptyArrays: true } }]);
    assert.equal(out.length, 4);
    assert.deepEqual(out[1], { _id: 1, item: 'almonds', price: new Int32(12), qty: new Int32(2), tags: 'b', i: Long.fromNumber(1) });
    assert.equal(out[3].i, null);
  });

  test('runPipeline – $count, $sortByCount, $replaceRoot, $replaceWith – MongoDB shapes', () => {
    assert.deepEqual(run([{ $count: 'n' }]), [{ n: new Int32(3) }]);
    assert.deepEqual(run([{ $sortByCount: '$item' }])[0], { _id: 'almonds', count: new Int32(2) });
    assert.deepEqual(run([{ $replaceRoot: { newRoot: { name: '$item' } } }, { $limit: 1 }]), [{ name: 'almonds' }]);
    assert.deepEqual(run([{ $replaceWith: { i: '$_id' } }, { $limit: 1 }]), [{ i: 1 }]);
  });

  test('runPipeline – $facet and $bucket – sub-pipelines and boundaries', () => {
    const [facets] = run([{ $facet: { cheap: [{ $match: { price: { $lt: 15 } } }, { $count: 'n' }], all: [{ $project: { _id: 1 } }] } }]);
    assert.deepEqual(facets, { cheap: [{ n: new Int32(2) }], all: [{ _id: 1 }, { _id: 2 }, { _id: 3 }] });
    const buckets = run([{ $bucket: { groupBy: '$price', boundaries: [0, 15, 30], default: 'other', output: { n: { $sum: 1 } } } }]);
    assert.deepEqual(buckets, [{ _id: 0, n: new Int32(2) }, { _id: 15, n: new Int32(1) }]);
  });

  test('runPipeline – $sample – requested number of input documents', () => {
    const out = run([{ $sample: { size: 2 } }]);
    assert.equal(out.length, 2);
    assert.ok(out.every((d) => collections.orders.includes(d)));
  });
});

describe('runPipeline more stages', () => {
  test('runPipeline – $group with $last $min $mergeObjects $stdDevPop and _id null – one summary', () => {
    const [g] = run([{ $group: { _id: null, last: { $last: '$item' }, min: { $min: '$price' }, merged: { $mergeObjects: { i: '$item' } }, sd: { $stdDevPop: '$qty' } } }]);
    assert.equal(g._id, null);
    assert.equal(g.last, 'almonds');
    assert.deepEqual(g.min, new Int32(12));
    assert.deepEqual(g.merged, { i: 'almonds' });
    assert.ok(Math.abs(Number(g.sd) - Math.sqrt(14 / 9)) < 1e-9);
  });

  test('runPipeline – $group with $top, $bottomN, $firstN, $maxN – n-ary accumulators', () => {
    const [g] = run([{ $group: {
      _id: null,
      top: { $top: { sortBy: { price: -1 }, output: '$item' } },
      bottom2: { $bottomN: { sortBy: { price: -1 }, output: '$_id', n: 2 } },
      first2: { $firstN: { input: '$_id', n: 2 } },
      max2: { $maxN: { input: '$qty', n: 2 } },
    } }]);
    assert.equal(g.top, 'pecans');
    assert.deepEqual(g.bottom2, [3, 1]);
    assert.deepEqual(g.first2, [1, 2]);
    assert.deepEqual(g.max2, [new Int32(4), new Int32(2)]);
  });

  test('runPipeline – $group with a compound _id – groups by sub-document value', () => {
    const out = run([{ $group: { _id: { item: '$item', cheap: { $lt: ['$price', 15] } }, n: { $sum: 1 } } }]);
    assert.deepEqual(out.map((d) => [d._id, Number(d.n)]), [[{ item: 'almonds', cheap: true }, 2], [{ item: 'pecans', cheap: false }, 1]]);
  });

  test('runPipeline – $group under a strength-2 collation – case variants share a group', () => {
    const out = runPipeline([{ n: 'Ana' }, { n: 'ana' }, { n: 'Budi' }], [{ $group: { _id: '$n', c: { $sum: 1 } } }], { ...ctx, collation: { locale: 'id', strength: 2 } });
    assert.deepEqual(out.map((d) => [d._id, Number(d.c)]), [['Ana', 2], ['Budi', 1]]);
  });

  test('runPipeline – $bucketAuto – equal-sized buckets with min/max bounds', () => {
    const out = runPipeline([1, 2, 3, 4].map((v) => ({ v })), [{ $bucketAuto: { groupBy: '$v', buckets: 2 } }], ctx);
    assert.deepEqual(out, [{ _id: { min: 1, max: 3 }, count: new Int32(2) }, { _id: { min: 3, max: 4 }, count: new Int32(2) }]);
  });

  test('runPipeline – $unionWith and $redact – other collection appended, pruned levels removed', () => {
    assert.equal(run([{ $unionWith: { coll: 'inventory', pipeline: [{ $match: { sku: 'cashews' } }] } }]).length, 4);
    const red = runPipeline([{ level: 1, sub: { level: 5, x: 1 }, ok: { level: 1 } }], [
      { $redact: { $cond: [{ $gt: ['$level', 3] }, '$$PRUNE', '$$DESCEND'] } },
    ], ctx);
    assert.deepEqual(red, [{ level: 1, ok: { level: 1 } }]);
  });

  test('runPipeline – invalid $limit and $skip – errors', () => {
    rejects([{ $limit: 0 }], 15958, /the limit must be positive/);
    rejects([{ $skip: -1 }], 15956, /non-negative/);
  });
});

describe('runPipeline $lookup', () => {
  test('runPipeline – $lookup localField/foreignField – matching foreign documents', () => {
    const out = run([{ $lookup: { from: 'inventory', localField: 'item', foreignField: 'sku', as: 'inv' } }]);
    assert.deepEqual((out[0].inv as Document[]).map((d) => d._id), [10]);
    assert.deepEqual((out[1].inv as Document[]).map((d) => d._id), [11]);
  });

  test('runPipeline – $lookup pipeline form with let and $$vars – correlated sub-query', () => {
    const out = run([
      { $match: { _id: 2 } },
      { $lookup: { from: 'inventory', let: { want: '$item', q: '$qty' }, pipeline: [{ $match: { $expr: { $and: [{ $eq: ['$sku', '$$want'] }, { $gt: ['$instock', '$$q'] }] } } }, { $project: { _id: 1 } }], as: 'inv' } },
    ]);
    assert.deepEqual(out[0].inv, [{ _id: 11 }]);
  });

  test('runPipeline – $lookup with both fields and a pipeline – filtered then piped', () => {
    const out = run([
      { $match: { _id: 1 } },
      { $lookup: { from: 'inventory', localField: 'item', foreignField: 'sku', pipeline: [{ $project: { instock: 1, _id: 0 } }], as: 'inv' } },
    ]);
    assert.deepEqual(out[0].inv, [{ instock: 120 }]);
  });

  test('runPipeline – $lookup on an array local field – any element matches', () => {
    const out = runPipeline([{ skus: ['pecans', 'cashews'] }], [{ $lookup: { from: 'inventory', localField: 'skus', foreignField: 'sku', as: 'inv' } }], ctx);
    assert.deepEqual((out[0].inv as Document[]).map((d) => d._id), [11, 12]);
  });

  test('runPipeline – $lookup equality with an index to match through – the whole collection is not read', () => {
    const asked: unknown[][] = [];
    const indexed = {
      lookupCollection: () => assert.fail('the whole foreign collection was read'),
      lookupMatching: (_name: string, field: string, values: unknown[]) => {
        asked.push(values);
        return collections.inventory.filter((d) => values.includes(d[field]));
      },
    };
    const out = runPipeline([{ skus: ['pecans', 'cashews'] }, { skus: 'almonds' }], [{ $lookup: { from: 'inventory', localField: 'skus', foreignField: 'sku', as: 'inv' } }], indexed);
    assert.deepEqual(out.map((d) => (d.inv as Document[]).map((i) => i._id)), [[11, 12], [10]]);
    assert.deepEqual(asked, [['pecans', 'cashews'], ['almonds']]);
  });

  test('runPipeline – $lookup equality without an index – matched against the collection, read once', () => {
    let reads = 0;
    const unindexed = { lookupCollection: () => (reads++, collections.inventory), lookupMatching: () => undefined };
    const out = runPipeline(collections.orders, [{ $lookup: { from: 'inventory', localField: 'item', foreignField: 'sku', as: 'inv' } }], unindexed);
    assert.deepEqual(out.map((d) => (d.inv as Document[]).map((i) => i._id)), [[10], [11], [10]]);
    assert.equal(reads, 1);
  });
});

describe('runPipeline graph and geo stages', () => {
  test('runPipeline – $graphLookup over a reporting chain – all ancestors with depth', () => {
    const employees = [
      { _id: 1, name: 'Alice' }, { _id: 2, name: 'Bob', reportsTo: 'Alice' },
      { _id: 3, name: 'Carol', reportsTo: 'Bob' }, { _id: 4, name: 'Dave', reportsTo: 'Carol' },
    ];
    const out = runPipeline(employees, [
      { $match: { name: 'Dave' } },
      { $graphLookup: { from: 'emp', startWith: '$reportsTo', connectFromField: 'reportsTo', connectToField: 'name', as: 'chain', depthField: 'depth' } },
    ], { lookupCollection: () => employees });
    const chain = (out[0].chain as Document[]).map((d) => [d.name, Number(d.depth)]);
    assert.deepEqual(chain, [['Carol', 0], ['Bob', 1], ['Alice', 2]]);
  });

  test('runPipeline – $geoNear with GeoJSON point – nearest first with distance in meters', () => {
    const places = [
      { _id: 'far', loc: { type: 'Point', coordinates: [40, 40] } },
      { _id: 'near', loc: { type: 'Point', coordinates: [10, 20] } },
      { _id: 'none' },
    ];
    const out = runPipeline(places, [{ $geoNear: { near: { type: 'Point', coordinates: [11, 20] }, distanceField: 'dist', maxDistance: 5000000 } }], ctx);
    assert.deepEqual(out.map((d) => d._id), ['near', 'far']);
    assert.ok(Math.abs(Number(out[0].dist) - 104600) < 1000);
  });
});

describe('runPipeline $setWindowFields', () => {
  const sales = [
    { s: 'A', d: 1, q: new Int32(5) }, { s: 'B', d: 1, q: new Int32(1) }, { s: 'A', d: 2, q: new Int32(3) },
    { s: 'A', d: 3, q: new Int32(3) }, { s: 'B', d: 2, q: new Int32(4) },
  ];

  test('runPipeline – $setWindowFields running sum and moving window – per partition in sort order', () => {
    const out = runPipeline(sales, [{ $setWindowFields: {
      partitionBy: '$s', sortBy: { d: 1 },
      output: {
        run: { $sum: '$q', window: { documents: ['unbounded', 'current'] } },
        mov: { $avg: '$q', window: { documents: [-1, 0] } },
        all: { $sum: '$q' },
      },
    } }], ctx);
    assert.deepEqual(out.map((d) => [d.s, d.d, Number(d.run), Number(d.mov), Number(d.all)]), [
      ['A', 1, 5, 5, 11], ['A', 2, 8, 4, 11], ['A', 3, 11, 3, 11], ['B', 1, 1, 1, 5], ['B', 2, 5, 2.5, 5],
    ]);
  });

  test('runPipeline – $setWindowFields ranks, $shift and range windows – values per document', () => {
    const out = runPipeline(sales.filter((d) => d.s === 'A'), [{ $setWindowFields: {
      sortBy: { q: -1 },
      output: {
        rank: { $rank: {} }, dense: { $denseRank: {} }, n: { $documentNumber: {} },
        prev: { $shift: { output: '$d', by: -1, default: 'none' } },
        near: { $count: {}, window: { range: [-2, 0] } },
      },
    } }], ctx);
    assert.deepEqual(out.map((d) => [d.d, Number(d.rank), Number(d.dense), Number(d.n), d.prev, Number(d.near)]), [
      [1, 1, 1, 1, 'none', 3], [2, 2, 2, 2, 1, 2], [3, 2, 2, 3, 2, 2],
    ]);
  });
});

describe('runPipeline $text', () => {
  test('runPipeline – $match $text then $sort by textScore – higher term frequency first', () => {
    const out = runPipeline([{ test: 'a test' }, { test: 'test test' }, { test: 'other' }], [
      { $match: { $text: { $search: 'test' } } },
      { $addFields: { s: { $meta: 'textScore' } } },
      { $sort: { score: { $meta: 'textScore' } } },
    ], ctx);
    assert.deepEqual(out.map((d) => d.test), ['test test', 'a test']);
    assert.equal(bsonTypeName(out[0].s), 'double');
  });
});

describe('runPipeline errors', () => {
  test('runPipeline – unknown stage – 40324', () => rejects([{ $bogus: {} }], 40324, /Unrecognized pipeline stage name: '\$bogus'/));
  test('runPipeline – $out and $search – NotImplemented with clear message', () => {
    rejects([{ $out: 'x' }], 238, /\$out.*not supported/);
    rejects([{ $search: {} }], 238, /Atlas Search/);
  });
  test('runPipeline – $geoNear after another stage – 40602', () => rejects([{ $match: {} }, { $geoNear: { near: [0, 0], distanceField: 'd' } }], 40602, /first stage/));
  test('runPipeline – unknown expression operator – 168', () => rejects([{ $project: { x: { $bogus: 1 } } }], 168, /Unrecognized expression '\$bogus'/));
  test('runPipeline – stage object with two fields – 40323', () => rejects([{ $match: {}, $limit: 1 }], 40323, /exactly one field/));
  test('runPipeline – $group without _id – 15955', () => rejects([{ $group: { n: { $sum: 1 } } }], 15955, /must include an _id/));
});
