/**
 * Includes name their file from the views folder: a relative one still renders, EJS finding it
 * with a file system check on every render (src/http/views.ts), so only this test would notice.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { VIEWS_DIR } from '../../src/http/views.js';
import { templates } from '../helpers/templates.js';

describe('template includes', () => {
  test('views – every include – names an existing template from the views folder (/partials/field)', () => {
    const files = templates(VIEWS_DIR);
    let includes = 0;
    for (const file of files) {
      for (const [, name] of fs.readFileSync(file, 'utf8').matchAll(/include\(\s*['"]([^'"]+)['"]/g)) {
        includes += 1;
        const where = `${path.relative(VIEWS_DIR, file)}: ${name}`;
        assert.match(name, /^\//, where);
        assert.ok(fs.existsSync(path.join(VIEWS_DIR, `${name}.ejs`)), where);
      }
    }
    assert.ok(includes >= 100, `${includes} includes`);
  });
});
