/** Every UI string exists in both languages: the id and en files of each namespace have the same keys. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { templates } from '../helpers/templates.js';

const LOCALES = path.resolve('src/http/locales');

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

function read(lng: string, file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(LOCALES, lng, file), 'utf8'));
}

/** A string at `key`, or its plural forms (key_one/key_other) as i18next resolves them with a count. */
function hasKey(lng: string, ns: string, key: string): boolean {
  return hasString(lng, ns, key) || (hasString(lng, ns, `${key}_one`) && hasString(lng, ns, `${key}_other`));
}

function hasString(lng: string, ns: string, key: string): boolean {
  const file = path.join(LOCALES, lng, `${ns}.json`);
  if (!fs.existsSync(file)) return false;
  let node: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
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

  test('views – every literal t(\'ns:key\') (not built with +) – exists in both languages', () => {
    const missing: string[] = [];
    for (const file of templates(path.resolve('views'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\('([a-z_]+):([\w.]+)'(?!\s*\+)/g)) {
        for (const lng of ['id', 'en']) {
          if (!hasKey(lng, match[1], match[2])) missing.push(`${path.relative('.', file)}: ${lng} ${match[1]}:${match[2]}`);
        }
      }
    }
    assert.deepEqual(missing, []);
  });
});
