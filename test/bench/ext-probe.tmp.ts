import { serialize, deserialize, ObjectId } from 'bson';
import { Catalog } from '../../src/embedded/mongo/catalog/catalog.js';
import { Journal } from '../../src/embedded/mongo/storage/journal.js';
const show = (l: string) => { (globalThis as any).gc(); const m = process.memoryUsage(); console.log(l, 'heap', m.heapUsed >> 20, 'ext', m.external >> 20, 'ab', m.arrayBuffers >> 20); };
const cat = new Catalog();
if (process.env.J) cat.sink = Journal.open('/tmp/j-probe.log');
const coll = cat.ensure('a', 'b');
show('start');
for (let b = 0; b < 10; b++) {
  const msg = serialize({ documents: Array.from({ length: 10000 }, (_, i) => ({ _id: new ObjectId(), code: 'c' + i, body: 'x'.repeat(850) })) });
  const docs = deserialize(msg, { promoteValues: false, validation: { utf8: true } }).documents as any[];
  for (const d of docs) cat.insert(coll, d);
  (cat.sink as any)?.commit();
}
show('after');
console.log(coll.docs.size);
