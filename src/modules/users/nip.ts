/**
 * NIP (Nomor Induk Pegawai) of an Indonesian civil servant, 18 digits:
 *   yyyymmdd  birth date      (1–8)
 *   yyyymm    appointment     (9–14, TMT CPNS)
 *   s         sex: 1 male, 2 female (15)
 *   nnn       serial number   (16–18)
 * Returns null when plausible, else an i18n key saying what is wrong.
 */
export function nipProblem(nip: string, today = new Date()): string | null {
  if (!/^\d{18}$/.test(nip)) return 'users:errors.nip_format';
  const birthYear = Number(nip.slice(0, 4));
  const birthMonth = Number(nip.slice(4, 6));
  const birthDay = Number(nip.slice(6, 8));
  if (!isCalendarDate(birthYear, birthMonth, birthDay)) return 'users:errors.nip_birth_date';
  // Civil servants are at least 18 and were born after 1940; anything else is a typo.
  if (birthYear < 1940 || birthYear > today.getFullYear() - 17) return 'users:errors.nip_birth_date';
  const appointedYear = Number(nip.slice(8, 12));
  const appointedMonth = Number(nip.slice(12, 14));
  if (appointedMonth < 1 || appointedMonth > 12 || appointedYear < birthYear || appointedYear > today.getFullYear()) {
    return 'users:errors.nip_appointment';
  }
  const sexDigit = nip.charAt(14);
  if (sexDigit !== '1' && sexDigit !== '2') return 'users:errors.nip_sex_digit';
  return null;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
