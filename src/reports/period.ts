/** The ISO week of a local date, e.g. `2027-W10`: the period of a roll-up or digest. */
export function isoWeek(localDate: string): string {
  const date = new Date(`${localDate}T00:00:00Z`);
  const weekday = date.getUTCDay() || 7;
  // The week belongs to the year of its Thursday.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
