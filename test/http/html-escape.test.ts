import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml } from '../../src/http/html-escape.js';

describe('HTML escaping of view values', () => {
  test('each of & < > \' " – its entity, every occurrence, the rest unchanged', () => {
    assert.equal(escapeHtml(`<a href="x">Tom & Jerry's</a> & <b>`), '&lt;a href=&#34;x&#34;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; &amp; &lt;b&gt;');
    assert.equal(escapeHtml('Dinas Kominfo Kota Solok'), 'Dinas Kominfo Kota Solok');
  });

  test('numbers, booleans, missing values – as text, missing as nothing', () => {
    assert.equal(escapeHtml(42), '42');
    assert.equal(escapeHtml(false), 'false');
    assert.equal(escapeHtml(undefined), '');
    assert.equal(escapeHtml(null), '');
  });
});
