/** translators(): the per-language t of every request; its memo must never change what t answers. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createI18n, translators } from '../../src/http/i18n.js';

const i18n = createI18n();
const translatorOf = translators(i18n);

test('translators – plain keys, asked again and in both languages – the same text as i18next gives', () => {
  for (const lang of ['id', 'en'] as const) {
    const t = translatorOf(lang);
    const fixed = i18n.getFixedT(lang);
    for (const key of ['search:types.practice', 'search:page.agencies', 'nav.search', 'tidak:ada.kunci']) {
      assert.equal(t(key), fixed(key), `${lang} ${key}`);
      assert.equal(t(key), fixed(key), `${lang} ${key}, second time`);
    }
  }
  assert.notEqual(translatorOf('id')('search:types.practice'), translatorOf('en')('search:types.practice'));
  assert.equal(translatorOf('id'), translatorOf('id'), 'one translator per language');
});

test('translators – options – each distinct set interpolated as i18next does, asked again from the memo with the same answer', () => {
  const t = translatorOf('id');
  const fixed = i18n.getFixedT('id');
  assert.equal(t('search:page.more'), 'Pilihan lainnya ({{count}})');
  for (let round = 0; round < 2; round++) {
    assert.equal(t('search:page.more', { count: 3 }), 'Pilihan lainnya (3)');
    assert.equal(t('search:page.more', { count: 7 }), 'Pilihan lainnya (7)');
    assert.equal(t('search:types.nothing', { defaultValue: 'Label A' }), 'Label A');
    assert.equal(t('search:types.nothing', { defaultValue: 'Label B' }), 'Label B');
    assert.equal(t('search:page.title_for', { q: '<b>podcast</b>' }), fixed('search:page.title_for', { q: '<b>podcast</b>' }));
  }
  assert.equal(translatorOf('en')('search:page.more', { count: 2 }), 'More options (2)');
});
