/**
 * The CSP forbids inline script and style and any other origin; this keeps every template honest
 * about it, so a page cannot silently break (or need a weaker policy).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { templates } from '../helpers/templates.js';

const FORBIDDEN: Array<[RegExp, string]> = [
  [/<script(?![^>]*\ssrc="\/assets\/)[^>]*>/i, 'inline or foreign <script>'],
  [/<style[\s>]/i, '<style> element'],
  [/\sstyle="/i, 'style attribute'],
  [/\son[a-z]+="/i, 'inline event handler'],
  [/(src|href)="(https?:)?\/\/(?!www\.w3\.org)/i, 'asset from another origin'],
];

describe('templates and the CSP', () => {
  test('views – every template – no inline script/style, no event handlers, no CDN assets', () => {
    const files = templates(path.resolve('views'));
    assert.ok(files.length >= 10);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const [pattern, what] of FORBIDDEN) assert.doesNotMatch(text, pattern, `${path.relative('.', file)}: ${what}`);
    }
  });
});
