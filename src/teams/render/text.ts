/** An Adaptive Card element, as plain JSON. */
export type CardElement = Record<string, unknown>;

export interface AdaptiveCard extends CardElement {
  type: 'AdaptiveCard';
  version: string;
  body: CardElement[];
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export interface RunStyle {
  size?: 'small' | 'default' | 'medium' | 'large';
  weight?: 'bolder';
  isSubtle?: boolean;
  italic?: boolean;
  color?: 'attention' | 'good' | 'accent';
}

const run = (text: string, style: RunStyle = {}): CardElement => ({
  type: 'TextRun',
  text,
  ...style,
});

/**
 * Text shown exactly as written. Every text goes into RichTextBlock/TextRun,
 * which Adaptive Cards never read as Markdown (TextBlock would: `**`, `[x](y)`,
 * a leading "1." or "-"), so what a person wrote cannot format itself or
 * disguise a link. A TextRun keeps no line breaks, so each line is its own
 * block; an empty line leaves a gap.
 */
export function plainText(text: string, style: RunStyle = {}): CardElement[] {
  const blocks: CardElement[] = [];
  let gap = false;
  for (const line of truncate(text, 5000).split(/\r?\n/)) {
    if (line.trim() === '') {
      gap = blocks.length > 0;
      continue;
    }
    blocks.push({
      type: 'RichTextBlock',
      inlines: [run(line, style)],
      ...(blocks.length > 0 ? { spacing: gap ? 'medium' : 'none' } : {}),
    });
    gap = false;
  }
  return blocks;
}

/** A link that shows where it goes: its title (or address), then the host. Only http(s) is clickable. */
export function linkLine(url: string, title: string | undefined): CardElement {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    return { type: 'RichTextBlock', inlines: [run(`• ${truncate(url, 300)}`)] };
  }
  return {
    type: 'RichTextBlock',
    spacing: 'none',
    inlines: [
      run('• '),
      {
        ...run(truncate(title || parsed.href, 300), { color: 'accent' }),
        selectAction: { type: 'Action.OpenUrl', url: parsed.href },
      },
      run(` (${parsed.host})`, { isSubtle: true }),
    ],
  };
}
