import type { Evidence } from '../../checkins/answer.ts';
import { httpUrl } from './words.ts';

/**
 * Markup known to be safe. Everything else put into `markup` is escaped, so a
 * text someone typed (an answer, a note, a department name) can never become
 * markup: forgetting to escape is not possible, only opting out with `trusted`.
 */
export class Html {
  readonly #markup: string;
  constructor(markup: string) {
    this.#markup = markup;
  }
  toString(): string {
    return this.#markup;
  }
}

export type Content = Html | string | number | false | null | undefined | readonly Content[];

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => entities[c] ?? c);

function render(content: Content): string {
  if (content instanceof Html) return content.toString();
  if (Array.isArray(content)) return content.map(render).join('');
  if (content === false || content === null || content === undefined) return '';
  return escapeHtml(String(content));
}

/**
 * A template whose interpolations are escaped (attributes must be
 * double-quoted). Not named `html` on purpose: Prettier would reflow the markup
 * inside, and whitespace matters where the style keeps line breaks (pre-line).
 */
export function markup(strings: TemplateStringsArray, ...values: readonly Content[]): Html {
  return new Html(
    strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]) : ''), ''),
  );
}

/** For our own constant markup (the style sheet) only; never for people's text. */
export const trusted = (text: string): Html => new Html(text);

/**
 * An evidence link: its title (or address) and the host, so a reader sees
 * where it leads. Only http(s) becomes a link; anything else stays text.
 */
export function evidenceLink(evidence: Evidence): Html {
  const url = httpUrl(evidence.url);
  const title = evidence.title?.trim();
  if (!url) return markup`<span class="url">${title ? `${title}: ` : ''}${evidence.url}</span>`;
  const host = title ? markup` <span class="host">(${url.host})</span>` : '';
  return markup`<a href="${url.href}" rel="noopener">${title || url.href}</a>${host}`;
}
