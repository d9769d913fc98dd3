import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONTACT_KEY } from '../../src/search/contact-person.js';
import { CROSSING_KEYS } from '../../src/search/crossing.js';
import { keyPhraseWordsIn, withPhraseKeys } from '../../src/search/key-phrases.js';
import { REPLICATION_KEY } from '../../src/search/replication.js';

const { province, region, island, sameProvince } = CROSSING_KEYS;

test('withPhraseKeys – a border named – its key right before the phrase; otherwise the query as it is', () => {
  assert.equal(withPhraseKeys('studi tiru luar provinsi'), `studi tiru ${province} luar provinsi`);
  assert.equal(withPhraseKeys('podcast kunjung kunjungan antardaerah'), `podcast kunjung kunjungan ${region} antardaerah`);
  assert.equal(withPhraseKeys('luar daerah luar kota'), `${region} luar daerah luar kota`);
  assert.equal(withPhraseKeys('studi tiru antar kabupaten kota'), `studi tiru ${region} antar kabupaten kota`);
  assert.equal(withPhraseKeys('kunjungan antarpemda'), `kunjungan ${region} antarpemda`);
  assert.equal(withPhraseKeys('Wi-Fi luar ruang'), 'Wi-Fi luar ruang');
});

test('withPhraseKeys – another island, or the own province – their keys; "dalam provinsi" as the one word the query reads it', () => {
  assert.equal(withPhraseKeys('studi tiru luar pulau'), `studi tiru ${island} luar pulau`);
  assert.equal(withPhraseKeys('kunjungan antarpulau'), `kunjungan ${island} antarpulau`);
  assert.equal(withPhraseKeys('kunjungan satu provinsi'), `kunjungan ${sameProvince} satu provinsi`);
  assert.equal(withPhraseKeys('kunjungan dalamprovinsi'), `kunjungan ${sameProvince} dalamprovinsi`);
  // A phrase of two words one of which is affixed, as its roots first (sesama: sama).
  assert.equal(withPhraseKeys('kunjung kunjungan sama provinsi sesama'), `kunjung kunjungan ${sameProvince} sama provinsi sesama`);
});

test('withPhraseKeys – whom to contact – the key of the practices naming their contact person before the phrase; contact center left alone', () => {
  assert.equal(withPhraseKeys('podcast narahubung'), `podcast ${CONTACT_KEY} narahubung`);
  assert.equal(withPhraseKeys('videotron kontak person'), `videotron ${CONTACT_KEY} kontak person`);
  // The roots, which the engine query gives first: the key before them; the roots alone are no phrase.
  assert.equal(withPhraseKeys('csirt hubung dihubungi'), `csirt ${CONTACT_KEY} hubung dihubungi`);
  assert.equal(withPhraseKeys('videotron tanggung jawab penanggung'), `videotron ${CONTACT_KEY} tanggung jawab penanggung`);
  assert.equal(withPhraseKeys('tanggung jawab kepala daerah'), 'tanggung jawab kepala daerah');
  assert.equal(withPhraseKeys('contact center'), 'contact center');
});

test('withPhraseKeys – practices already replicated asked for – the key before the root the engine query gives the word; "tiru" of studi tiru left alone', () => {
  assert.equal(withPhraseKeys('humas adopsi diadopsi inovasi'), `humas ${REPLICATION_KEY} adopsi diadopsi inovasi`);
  assert.equal(withPhraseKeys('videotron adopsi daerah diadopsi'), `videotron ${REPLICATION_KEY} adopsi daerah diadopsi`);
  assert.equal(withPhraseKeys('videotron kabupaten tiru ditiru'), `videotron kabupaten ${REPLICATION_KEY} tiru ditiru`);
  assert.equal(withPhraseKeys('daerah praktik replikasi direplikasi'), `daerah praktik ${REPLICATION_KEY} replikasi direplikasi`);
  // Without stemming the word stands alone.
  assert.equal(withPhraseKeys('podcast direplikasi'), `podcast ${REPLICATION_KEY} direplikasi`);
  assert.equal(withPhraseKeys('studi tiru podcast'), 'studi tiru podcast');
  assert.equal(withPhraseKeys('replikasi command center'), 'replikasi command center');
});

test('keyPhraseWordsIn – the typed words read as a key – those of a border and of replication, no other', () => {
  assert.deepEqual([...keyPhraseWordsIn(['videotron', 'yang', 'ditiru', 'luar', 'provinsi'])].sort(), ['ditiru', 'luar', 'provinsi']);
  assert.deepEqual([...keyPhraseWordsIn(['studi', 'tiru', 'luar', 'negeri'])], []);
});
