import Holidays from 'date-holidays';
import { validate as validateCron } from 'node-cron';

/**
 * Checks on single config values. Each returns true when the value is
 * acceptable; the schema turns a false into an issue with a `tasa` code that
 * names the localised explanation (`config:errors.<code>`).
 */

export const slackUserId = (v: string): boolean => /^[UW][A-Z0-9]{2,}$/.test(v);
export const slackChannelId = (v: string): boolean => /^[CG][A-Z0-9]{2,}$/.test(v);

/** An e-mail address (or a UPN, which looks the same): `maija.meikalainen@hel.fi`. */
export const email = (v: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);

/** Teams user id (29:…), Entra object id (a GUID) or an e-mail / UPN. */
export const teamsPerson = (v: string): boolean =>
  /^29:[\w.-]+$/.test(v) ||
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v) ||
  email(v);

export const teamsChannelId = (v: string): boolean =>
  /^19:[\w.-]+@thread\.(tacv2|skype|v2)$/.test(v);

export const slug = (v: string): boolean => /^[a-z][a-z0-9-]{0,62}$/.test(v);

export function cron(expression: string): boolean {
  // node-cron also accepts a leading seconds field; a schedule here is per minute.
  return expression.trim().split(/\s+/).length === 5 && validateCron(expression);
}

export function timeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

const holidayCountries = new Holidays().getCountries();

/** `FI`, `SE`, a region such as `DE-BY`, or `none`. */
export function holidayCalendar(value: string): boolean {
  if (value === 'none') return true;
  const [country, region, ...rest] = value.split('-');
  if (!country || rest.length > 0 || !(country in holidayCountries)) return false;
  if (region === undefined) return true;
  const regions = new Holidays().getStates(country) ?? {};
  return region in regions;
}

export function slugify(name: string): string {
  const slugged = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
  return /^[a-z]/.test(slugged) ? slugged : `org-${slugged}`;
}
