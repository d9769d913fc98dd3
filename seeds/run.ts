/**
 * `npm run seed`: loads regions, agencies and demo users (idempotent), then prints the counts and,
 * once, the passwords of the demo users this run created. Nothing else ever logs them.
 */
import { ConfigError, loadConfig } from '../src/config.js';
import { withDatabase } from './database.js';
import { runSeed, seedCounts, type NewCredential } from './seed.js';
import { seedKnowledge } from './knowledge/seed-knowledge.js';

function credentialTable(rows: NewCredential[]): string {
  const header: NewCredential = { email: 'email', name: 'name', role: 'role', agency: 'agency', password: 'password' };
  const columns: (keyof NewCredential)[] = ['email', 'password', 'role', 'agency', 'name'];
  const widths = columns.map((c) => Math.max(...[header, ...rows].map((r) => r[c].length)));
  const line = (r: NewCredential) => columns.map((c, i) => r[c].padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const config = loadConfig();
  // Knowledge (visits, practices, lessons) needs the agencies and demo users, so it runs second.
  const result = await withDatabase(config, async () => {
    const base = await runSeed();
    const knowledge = await seedKnowledge();
    return { ...base, knowledge, counts: await seedCounts() };
  });
  const { regions, agencies, users } = result.counts;
  process.stdout.write(`Seed selesai: ${regions} wilayah, ${agencies} instansi (${result.agenciesCreated} baru), ${users} pengguna.\n`);
  const { visits, practices, lessons, agencies: moreAgencies } = result.knowledge;
  process.stdout.write(`Pengetahuan: ${visits} kunjungan, ${practices} praktik baik, ${lessons} pelajaran (dengan ${moreAgencies} instansi tambahan).\n`);
  if (result.usersCreated.length === 0) {
    process.stdout.write('Tidak ada akun demo baru; akun yang sudah ada tetap memakai kata sandinya.\n');
    return;
  }
  process.stdout.write(`\nAkun demo baru (kata sandi hanya ditampilkan sekali ini):\n\n${credentialTable(result.usersCreated)}\n`);
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`Seed gagal: ${message}\n`);
  process.exitCode = 1;
});
