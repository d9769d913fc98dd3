/**
 * Practice and lesson builders: fresh, valid, unique records made through the same services the
 * app uses. Overrides replace any input field; the owner/recorder is the actor's agency unless given.
 */
import { randomUUID } from 'node:crypto';
import type { ActingUser } from '../../src/auth/acting-user.js';
import { createLesson } from '../../src/modules/lessons/lesson.service.js';
import type { LessonRecord } from '../../src/modules/lessons/lesson.record.js';
import { createPractice } from '../../src/modules/practices/practice.service.js';
import type { PracticeRecord } from '../../src/modules/practices/practice.record.js';

const unique = () => randomUUID().slice(0, 8);

export function practiceInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `Siaran Sepekan Uji ${unique()}`,
    shortDescription: 'Rangkuman berita pemerintah daerah setiap pekan di kanal video daerah.',
    description: 'Diproduksi tim **IKP** setiap Jumat.',
    category: 'pelayanan_publik',
    topics: ['publikasi-konten'],
    tags: ['video', 'berita'],
    channel: 'Siaran berita mingguan di kanal TV daerah',
    stage: 'penerapan',
    startDate: '2021-01-08',
    digital: true,
    evidence: [{ date: '2022-05-31', label: 'Episode siaran', value: 'pekan ke-68' }],
    contact: { name: 'Budi Santoso', position: 'Pranata Humas', email: 'budi@uji.example', phone: '0812 3456 7890' },
    status: 'published',
    ...overrides,
  };
}

export function createTestPractice(actor: ActingUser, overrides: Record<string, unknown> = {}): Promise<PracticeRecord> {
  return createPractice(actor, practiceInput(overrides));
}

export function lessonInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: `Kehumasan mengikuti program prioritas ${unique()}`,
    observation: 'Tim IKP tuan rumah menyusun kalender publikasi dari program prioritas kepala daerah.',
    lesson: 'Publikasi yang mengikuti program prioritas lebih tepat sasaran dan terukur.',
    recommendation: 'Susun kalender publikasi bersama Bappeda setiap awal tahun.',
    appliesTo: 'Diskominfo yang menjalankan fungsi kehumasan',
    topics: ['kehumasan'],
    tags: ['prioritas'],
    observedOn: '2022-05-31',
    status: 'published',
    ...overrides,
  };
}

export function createTestLesson(actor: ActingUser, overrides: Record<string, unknown> = {}): Promise<LessonRecord> {
  return createLesson(actor, lessonInput(overrides));
}
