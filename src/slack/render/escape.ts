/**
 * Escapes text for Slack mrkdwn. With <, > and & escaped, text a person wrote
 * can never become <!channel>, <!here>, a <@U…> mention or a disguised
 * <https://…|link>; sections are also sent with verbatim: true.
 */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A link that shows where it really goes: the title, then the host. */
export function safeLink(url: string, title: string | undefined): string {
  let href: string;
  let host: string;
  try {
    const parsed = new URL(url);
    href = parsed.href.replaceAll('|', '%7C').replaceAll('>', '%3E').replaceAll('<', '%3C');
    host = parsed.host;
  } catch {
    return escapeMrkdwn(url);
  }
  return title
    ? `<${href}|${escapeMrkdwn(title).replaceAll('|', '¦')}> (${escapeMrkdwn(host)})`
    : `<${href}>`;
}
