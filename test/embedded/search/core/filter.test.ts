import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MeiliError } from '../../../../src/embedded/search/errors.js';
import { evaluateFilter, filterAttributes, parseFilter, type FilterNode } from '../../../../src/embedded/search/core/index.js';

const valid: [string, FilterNode][] = [
  ['genre = horror', { type: 'compare', attribute: 'genre', operator: '=', value: 'horror' }],
  ["genre != 'science fiction'", { type: 'compare', attribute: 'genre', operator: '!=', value: 'science fiction' }],
  ['year>=2020', { type: 'compare', attribute: 'year', operator: '>=', value: '2020' }],
  ['year < 10.5', { type: 'compare', attribute: 'year', operator: '<', value: '10.5' }],
  ['year 2000 TO 2010', { type: 'range', attribute: 'year', from: '2000', to: '2010' }],
  ['tags EXISTS', { type: 'exists', attribute: 'tags' }],
  ['tags NOT EXISTS', { type: 'not', child: { type: 'exists', attribute: 'tags' } }],
  ['a.b IS NULL', { type: 'isNull', attribute: 'a.b' }],
  ['a IS NOT EMPTY', { type: 'not', child: { type: 'isEmpty', attribute: 'a' } }],
  ['id IN [1, "two", \'three\']', { type: 'in', attribute: 'id', values: ['1', 'two', 'three'] }],
  ['id NOT IN [1]', { type: 'not', child: { type: 'in', attribute: 'id', values: ['1'] } }],
  ['"title with \\"quote" = "a \\"b\\""', { type: 'compare', attribute: 'title with "quote', operator: '=', value: 'a "b"' }],
  [
    'a = 1 OR b = 2 AND NOT c = 3',
    {
      type: 'or',
      children: [
        { type: 'compare', attribute: 'a', operator: '=', value: '1' },
        {
          type: 'and',
          children: [
            { type: 'compare', attribute: 'b', operator: '=', value: '2' },
            { type: 'not', child: { type: 'compare', attribute: 'c', operator: '=', value: '3' } },
          ],
        },
      ],
    },
  ],
  [
    '(a = 1 OR b = 2) AND c = 3',
    {
      type: 'and',
      children: [
        { type: 'or', children: [{ type: 'compare', attribute: 'a', operator: '=', value: '1' }, { type: 'compare', attribute: 'b', operator: '=', value: '2' }] },
        { type: 'compare', attribute: 'c', operator: '=', value: '3' },
      ],
    },
  ],
  ['', { type: 'all' }],
];

const invalid: [string, RegExp][] = [
  ['genre', /Was expecting an operation `=`, `!=`/],
  ['genre =', /Was expecting a value but instead got nothing/],
  ['genre = horror comedy', /Found unexpected characters at the end of the filter/],
  ['(genre = horror', /missing the following closing delimiter: `\)`/],
  ["genre = 'horror", /missing the following closing delimiter/],
  ['id IN [1, 2', /Expected matching `\]`/],
  ['genre = horror AND', /Was expecting an operation/],
  ['year 2000 TO', /Was expecting a value/],
  ['_geoRadius(1, 2, 3)', /_geoRadius/],
  ['genre ! horror', /unexpected characters/],
];

describe('filter grammar', () => {
  for (const [expression, expected] of valid) {
    test(`parseFilter – ${JSON.stringify(expression)} – parses to the expected tree`, () => {
      assert.deepEqual(parseFilter(expression), expected);
    });
  }
  for (const [expression, message] of invalid) {
    test(`parseFilter – ${JSON.stringify(expression)} – throws invalid_search_filter`, () => {
      assert.throws(
        () => parseFilter(expression),
        (error: unknown) => error instanceof MeiliError && error.code === 'invalid_search_filter' && message.test(error.message),
      );
    });
  }

  test('parseFilter – array form – ANDs outer elements and ORs inner arrays', () => {
    assert.deepEqual(parseFilter(['a = 1', ['b = 2', 'c = 3']]), {
      type: 'and',
      children: [
        { type: 'compare', attribute: 'a', operator: '=', value: '1' },
        { type: 'or', children: [{ type: 'compare', attribute: 'b', operator: '=', value: '2' }, { type: 'compare', attribute: 'c', operator: '=', value: '3' }] },
      ],
    });
  });

  test('parseFilter – a number instead of a filter – throws invalid_search_filter', () => {
    assert.throws(() => parseFilter(5), (e: unknown) => e instanceof MeiliError && e.code === 'invalid_search_filter');
    assert.throws(() => parseFilter([['a = 1', 2]]), (e: unknown) => e instanceof MeiliError && e.code === 'invalid_search_filter');
  });

  test('filterAttributes – nested expression – lists each attribute once', () => {
    assert.deepEqual(filterAttributes(parseFilter('a = 1 OR (b EXISTS AND a.c > 2) OR b IN [1]')), ['a', 'b', 'a.c']);
  });
});

describe('filter evaluation', () => {
  const doc = { id: 1, genre: 'Science Fiction', year: 2021, tags: ['Kominfo', 'PPID'], nothing: null, empty: [], nested: { level: 3 }, flag: true, yearText: '2021' };
  const cases: [string, boolean][] = [
    ['genre = "science fiction"', true],
    ['genre = "Science Fiction"', true],
    ['genre != "science fiction"', false],
    ['missing != x', true],
    ['year = 2021', true],
    ['year = 2021.0', true],
    ['year > 2020 AND year < 2022', true],
    ['year >= 2022', false],
    ['year 2000 TO 2021', true],
    ['yearText > 2000', false],
    ['genre > a', false],
    ['tags = ppid', true],
    ['tags IN [x, kominfo]', true],
    ['tags NOT IN [kominfo]', false],
    ['nothing IS NULL', true],
    ['nothing EXISTS', true],
    ['missing EXISTS', false],
    ['empty IS EMPTY', true],
    ['tags IS NOT EMPTY', true],
    ['nested.level = 3', true],
    ['flag = true', true],
    ['NOT (year = 2021 OR genre = x)', false],
  ];
  for (const [expression, expected] of cases) {
    test(`evaluateFilter – ${expression} – ${expected ? 'matches' : 'does not match'}`, () => {
      assert.equal(evaluateFilter(parseFilter(expression), doc), expected);
    });
  }

  test('evaluateFilter – diacritics in the value – compared folded', () => {
    assert.equal(evaluateFilter(parseFilter('city = "sao paulo"'), { city: 'São Paulo' }), true);
  });
});
