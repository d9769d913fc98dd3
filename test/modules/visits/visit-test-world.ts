/**
 * The people and offices of the visit tests: Diskominfo Kota Solok (visitor), Diskominfo Kota
 * Padang Panjang (host), Diskominfo Kota Bukittinggi (another agency), one signed-in browser per
 * role, and an API token per user.
 */
import type { ActingUser, Role } from '../../../src/auth/acting-user.js';
import type { AgencyRecord } from '../../../src/modules/agencies/agency.service.js';
import { postFormWithCsrf, signIn } from '../../helpers/auth.js';
import { createAgency, createUser } from '../../helpers/factories.js';
import { apiTokenFor } from '../../helpers/knowledge-factories.js';
import type { TestApp } from '../../helpers/test-app.js';

export type Agent = ReturnType<TestApp['agent']>;

export interface Member {
  acting: ActingUser;
  agent: Agent;
  token: string;
}

export interface VisitWorld {
  solok: AgencyRecord;
  padangPanjang: AgencyRecord;
  bukittinggi: AgencyRecord;
  solokStaff: Member;
  solokPlanner: Member;
  solokHead: Member;
  hostStaff: Member;
  otherStaff: Member;
  admin: Member;
}

/** Posts a form as the browser does, with the CSRF token of the visit list page. */
export function postForm(agent: Agent, url: string, form: Record<string, string | string[]> = {}) {
  return postFormWithCsrf(agent, url, form, '/kunjungan');
}

async function member(t: TestApp, role: Role, agency: AgencyRecord): Promise<Member> {
  const { user, password, acting } = await createUser({ role, agency: agency.id });
  const agent = t.agent();
  await signIn(agent, user.email, password);
  return { acting, agent, token: await apiTokenFor(acting) };
}

export async function createVisitWorld(t: TestApp): Promise<VisitWorld> {
  const unique = Math.random().toString(36).slice(2, 7);
  const solok = await createAgency({ name: `Dinas Komunikasi dan Informatika Kota Solok ${unique}`, shortName: 'Diskominfo Kota Solok', regionCode: '13.72' });
  const padangPanjang = await createAgency({ name: `Dinas Komunikasi dan Informatika Kota Padang Panjang ${unique}`, shortName: 'Diskominfo Kota Padang Panjang', regionCode: '13.74' });
  const bukittinggi = await createAgency({ name: `Dinas Komunikasi dan Informatika Kota Bukittinggi ${unique}`, shortName: 'Diskominfo Kota Bukittinggi', regionCode: '13.75' });
  return {
    solok,
    padangPanjang,
    bukittinggi,
    solokStaff: await member(t, 'staff', solok),
    solokPlanner: await member(t, 'planner', solok),
    solokHead: await member(t, 'head', solok),
    hostStaff: await member(t, 'staff', padangPanjang),
    otherStaff: await member(t, 'staff', bukittinggi),
    admin: await member(t, 'admin', bukittinggi),
  };
}

/** The first studi tiru of the sample, as a filled-in HTML form (parallel row inputs). */
export function sampleVisitForm(world: VisitWorld): Record<string, string | string[]> {
  return {
    visitingAgencyIds: [world.solok.id],
    hostAgencyIds: [world.padangPanjang.id],
    startDate: '2022-05-31',
    endDate: '2022-05-31',
    place: 'Kantor Diskominfo Kota Padang Panjang',
    purpose: 'Koordinasi dan konsultasi kegiatan bidang IKP',
    topics: ['publikasi-konten', 'ppid', 'media-sosial'],
    tags: 'PPTV, siaran mingguan',
    delegationName: ['Alwa Dudi, S.T, M.M', ''],
    delegationPosition: ['Kepala Bidang IKP', ''],
    delegationAgencyId: [world.solok.id, ''],
    hostOfficialName: ['Budiono, S.ST', 'Yuliati Desi Putri, S.Pt', 'Arfisy, A.Md', ''],
    hostOfficialPosition: ['Pranata Humas Ahli Muda', '', '', ''],
    summary: 'Tuan rumah memaparkan program siaran **Padang Panjang Sepekan** (pekan ke-68).',
    agenda: '',
    sourceUrl: ['https://sumbar.antaranews.com/berita/uji-kunjungan', ''],
    sourceTitle: ['Berita kunjungan studi tiru', ''],
    status: 'published',
  };
}
