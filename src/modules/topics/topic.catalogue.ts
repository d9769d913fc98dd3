/**
 * The topic list a fresh database starts with. Codes are stable identifiers stored on visits,
 * practices and lessons; names are what people read (Indonesian first, English for the en UI).
 */
export interface TopicSeed {
  code: string;
  name: string;
  nameEn: string;
}

export const DEFAULT_TOPICS: readonly TopicSeed[] = [
  { code: 'publikasi-konten', name: 'Publikasi konten', nameEn: 'Content publication' },
  { code: 'ppid', name: 'Pelayanan PPID', nameEn: 'Public information service (PPID)' },
  { code: 'media-sosial', name: 'Media sosial', nameEn: 'Social media' },
  { code: 'penyiaran', name: 'Penyiaran', nameEn: 'Broadcasting' },
  { code: 'spbe', name: 'SPBE', nameEn: 'E-government (SPBE)' },
  { code: 'keamanan-informasi', name: 'Keamanan informasi', nameEn: 'Information security' },
  { code: 'kim', name: 'Kelompok Informasi Masyarakat (KIM)', nameEn: 'Community information groups (KIM)' },
  { code: 'pelayanan-publik', name: 'Pelayanan publik', nameEn: 'Public service' },
  { code: 'kehumasan', name: 'Kehumasan', nameEn: 'Public relations' },
  { code: 'data-statistik', name: 'Data dan statistik', nameEn: 'Data and statistics' },
  { code: 'aplikasi-layanan', name: 'Aplikasi layanan', nameEn: 'Service applications' },
  { code: 'infrastruktur-tik', name: 'Infrastruktur TIK', nameEn: 'ICT infrastructure' },
  { code: 'persandian', name: 'Persandian', nameEn: 'Cryptography and signing' },
  { code: 'kemitraan-media', name: 'Kemitraan media', nameEn: 'Media partnerships' },
  { code: 'smart-city', name: 'Kota cerdas', nameEn: 'Smart city' },
  { code: 'pengaduan', name: 'Pengelolaan pengaduan', nameEn: 'Complaint handling' },
];
