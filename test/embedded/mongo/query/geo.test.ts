import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Int32 } from 'bson';
import { compileFilter, nearDistance, type Document } from '../../../../src/embedded/mongo/query/index.js';

const m = (filter: Document, doc: Document) => compileFilter(filter)(doc);

describe('geo query operators', () => {
  test('$within – $box, $center, $polygon on legacy pairs – flat containment', () => {
    assert.ok(m({ loc: { $within: { $box: [[30, 40], [40, 60]] } } }, { loc: [35, 50] }));
    assert.ok(!m({ loc: { $within: { $box: [[30, 40], [40, 60]] } } }, { loc: [-40, -90] }));
    assert.ok(m({ loc: { $geoWithin: { $center: [[0, 0], 5] } } }, { loc: { x: 3, y: 4 } }));
    assert.ok(!m({ loc: { $geoWithin: { $center: [[0, 0], 4.9] } } }, { loc: [3, 4] }));
    assert.ok(m({ loc: { $geoWithin: { $polygon: [[0, 0], [10, 0], [10, 10]] } } }, { loc: [8, 2] }));
    assert.ok(!m({ loc: { $geoWithin: { $polygon: [[0, 0], [10, 0], [10, 10]] } } }, { loc: [2, 8] }));
    assert.ok(m({ loc: { $geoWithin: { $centerSphere: [[0, 0], 0.1] } } }, { loc: [1, 1] }));
  });

  test('$geoWithin $geometry Polygon – GeoJSON points inside, string coordinates accepted', () => {
    const poly = { type: 'Polygon', coordinates: [[[-5, -5], ['-5', 5], [5, 5], [5, -5], [-5, '-5']]] };
    assert.ok(m({ loc: { $geoWithin: { $geometry: poly } } }, { loc: [0, 0] }));
    assert.ok(m({ loc: { $geoWithin: { $geometry: poly } } }, { loc: { type: 'Point', coordinates: [1, 1] } }));
    assert.ok(!m({ loc: { $geoWithin: { $geometry: poly } } }, { loc: [6, 0] }));
  });

  test('$geoIntersects – line across the antimeridian – spherical crossing found', () => {
    const line = { type: 'LineString', coordinates: [[180, 11], [180, '9.00']] };
    assert.ok(m({ line: { $geoIntersects: { $geometry: line } } }, { line: { type: 'LineString', coordinates: [[-178, 10], [178, 10]] } }));
    assert.ok(!m({ line: { $geoIntersects: { $geometry: line } } }, { line: { type: 'LineString', coordinates: [[-178, 20], [178, 20]] } }));
  });

  test('$geoIntersects – arrays of polygons – any element intersecting', () => {
    const geom = [
      { type: 'Polygon', coordinates: [[[28.7, 41], [29.2, 40.9], [29.1, 41.3], [28.7, 41]]] },
      { type: 'Polygon', coordinates: [[[-1, -1], [1, -1], [1, 1], [-1, 1], [-1, -1]]] },
    ];
    const q = { type: 'Polygon', coordinates: [[[26, 36], [45, 36], [45, 42], [26, 42], [26, 36]]] };
    assert.ok(m({ geom: { $geoIntersects: { $geometry: q } } }, { geom }));
    assert.ok(!m({ geom: { $geoIntersects: { $geometry: q } } }, { geom: [geom[1]] }));
  });

  test('$near with $maxDistance on legacy pairs – flat distance limit', () => {
    assert.ok(m({ loc: { $near: [25, 31], $maxDistance: 1 } }, { loc: [25, 30] }));
    assert.ok(!m({ loc: { $near: [25, 32], $maxDistance: new Int32(1) } }, { loc: [25, 30] }));
    assert.ok(m({ loc: { $near: [30, 40] } }, { loc: [40, 90] }));
  });

  test('$near/$nearSphere with GeoJSON points – meters on the sphere', () => {
    const q = { loc: { $near: { $geometry: { type: 'Point', coordinates: [11, 20] }, $maxDistance: 1000000 } } };
    assert.ok(m(q, { loc: { type: 'Point', coordinates: [10, 20] } }));
    assert.ok(!m(q, { loc: { type: 'Point', coordinates: [40, 90] } }));
    assert.ok(m({ loc: { $nearSphere: { $geometry: { type: 'Point', coordinates: [1, 2] }, $maxDistance: 10 } } }, { loc: [1, 2] }));
  });

  test('nearDistance – $near filter – distance used to order results', () => {
    const dist = nearDistance({ loc: { $near: [0, 0] } })!;
    const docs = [{ loc: [5, 5] }, { loc: [1, 1] }, {}];
    docs.sort((a, b) => dist(a) - dist(b));
    assert.deepEqual(docs, [{ loc: [1, 1] }, { loc: [5, 5] }, {}]);
    assert.equal(nearDistance({ a: 1 }), undefined);
  });
});
