import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OccurrenceCursor, TermOccurrences } from '../../../../src/embedded/search/core/occurrences.js';

/** A term held by the slots given (ascending), one location each. */
function termIn(slots: number[]): TermOccurrences {
  const occurrences = new TermOccurrences();
  for (const slot of slots) occurrences.append(slot, Int32Array.of(slot), 0, 1);
  return occurrences;
}

/** The first index whose slot is at least `slot`, read one by one. */
const reference = (slots: number[], slot: number): number => {
  const at = slots.findIndex((s) => s >= slot);
  return at === -1 ? slots.length : at;
};

test('OccurrenceCursor – slots asked ascending with gaps of every size, then back, then past the end – the same answers as reading every slot', () => {
  // Every third slot, then a long stretch of consecutive ones, then sparse ones.
  const slots = [...Array.from({ length: 400 }, (_, i) => i * 3), ...Array.from({ length: 500 }, (_, i) => 1200 + i), 5000, 5001, 9000];
  const cursor = new OccurrenceCursor(termIn(slots));
  // Deterministic steps of 1 to about 700 slots, so that galloping takes short and long strides.
  const asked: number[] = [];
  for (let slot = 0, step = 1; slot < 9100; step = (step * 7 + 3) % 701 || 1) asked.push((slot += step));
  for (const slot of [...asked, 10, 1201, 1199, 4999, 5000, 9000, 9001, 20000]) {
    const expected = reference(slots, slot);
    assert.equal(cursor.advance(slot), expected, `advance(${slot})`);
    assert.equal(cursor.seek(slot), slots[expected] === slot ? expected : -1, `seek(${slot})`);
  }
});

test('OccurrenceCursor – a term with no documents – every slot past the end', () => {
  const cursor = new OccurrenceCursor(termIn([]));
  assert.equal(cursor.advance(5), 0);
  assert.equal(cursor.seek(5), -1);
});
