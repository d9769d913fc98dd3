/** Every UI string exists in both languages: the id and en files of each namespace have the same keys. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const LOCALES = path.resolve('src/http/locales');

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

function read(lng: string, file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(LOCALES, lng, file), 'utf8'));
}

describe('locale files', () => {
  const namespaces = fs.readdirSync(path.join(LOCALES, 'id')).filter((f) => f.endsWith('.json'));

  test('locales – namespaces – the same files exist for id and en', () => {
    const english = fs.readdirSync(path.join(LOCALES, 'en')).filter((f) => f.endsWith('.json'));
    assert.deepEqual(english.sort(), [...namespaces].sort());
    for (const ns of ['common.json', 'auth.json', 'errors.json']) assert.ok(namespaces.includes(ns), ns);
  });

  test('locales – every namespace – id and en have exactly the same keys, none empty', () => {
    for (const file of namespaces) {
      const id = keysOf(read('id', file)).sort();
      const en = keysOf(read('en', file)).sort();
      assert.deepEqual(en, id, `${file}: keys differ`);
      for (const lng of ['id', 'en']) {
        const flat = JSON.stringify(read(lng, file));
        assert.doesNotMatch(flat, /:""/, `${lng}/${file} has an empty string`);
      }
    }
  });
});
