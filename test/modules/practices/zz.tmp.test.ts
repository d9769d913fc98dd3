import { test } from 'node:test';
import { seedKnowledge } from '../../../seeds/knowledge/seed-knowledge.js';
import { runSeed } from '../../../seeds/seed.js';
import { startKnowledgeWorld } from './knowledge-test-kit.js';
import { Session } from 'node:inspector/promises';
test('x', async () => {
  const w = await startKnowledgeWorld();
  await runSeed(); await seedKnowledge();
  w.t.app.set('view cache', true);
  const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.start');
  for (let i = 0; i < 30; i++) await w.home.staff.agent.get('/praktik');
  const { profile } = await s.post('Profiler.stop') as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[] } };
  const self = new Map<string, number>();
  for (const n of profile.nodes) { const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-3).join('/')}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (n.hitCount ?? 0)); }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15);
  for (const [k, v] of top) console.log('>>', v, k);
  await w.t.stop();
});
