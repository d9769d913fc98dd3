/** The Indonesian names of the months, as records are dated and queries name them (mei, agustus). */
const MONTH = new Intl.DateTimeFormat('id-ID', { month: 'long', timeZone: 'UTC' });

export function monthName(date: Date): string {
  return MONTH.format(date).toLowerCase();
}

export const MONTH_NAMES: ReadonlySet<string> = new Set(Array.from({ length: 12 }, (_, month) => monthName(new Date(Date.UTC(2000, month, 1)))));
