import { serialize, deserialize, ObjectId } from 'bson';
import { encodeFrame } from '../../src/embedded/mongo/storage/frames.js';
const keep: unknown[] = [];
const show = (l: string) => { (globalThis as any).gc(); const m = process.memoryUsage(); console.log(l, 'heap', m.heapUsed >> 20, 'ext', m.external >> 20, 'ab', m.arrayBuffers >> 20); };
show('start');
for (let b = 0; b < 10; b++) {
  const msg = serialize({ documents: Array.from({ length: 10000 }, (_, i) => ({ _id: new ObjectId(), code: 'c' + i, body: 'x'.repeat(850) })) });
  const docs = deserialize(msg, { promoteValues: false }).documents as any[];
  for (const d of docs) { keep.push(d); if (process.env.FRAMES) encodeFrame({ o: 'i', ns: 'a.b' }, serialize(d)); }
}
show('after');
console.log(keep.length);
