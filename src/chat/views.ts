import type { Action } from './actions.ts';

/**
 * Platform-neutral messages. The adapters render them as Block Kit or
 * Adaptive Cards. Every text is plain text: adapters escape it, so text a
 * person wrote can never ping a channel or disguise a link.
 */
export type Block =
  | { type: 'header'; text: string }
  | { type: 'text'; text: string }
  /** Words a person wrote, shown with who wrote them. */
  | { type: 'quote'; text: string; author?: string }
  | { type: 'fields'; fields: { label: string; value: string }[] }
  | { type: 'links'; links: { url: string; title?: string }[] }
  | { type: 'actions'; buttons: Button[] }
  | { type: 'context'; text: string }
  /** A picture (PNG), e.g. the digest's heatmap; Slack uploads it, Teams shows it in the card. */
  | { type: 'image'; png: Uint8Array; title: string; alt: string; fileName: string }
  /**
   * Rows of the same columns, e.g. one per department: a table in Teams, lines
   * of text in Slack. The first column names the row; `more` says what was cut.
   */
  | { type: 'table'; columns: TableColumn[]; rows: string[][]; more?: string };

export interface TableColumn {
  label: string;
  align?: 'start' | 'center' | 'end';
}

export interface Button {
  label: string;
  action: Action;
  style?: 'primary' | 'danger';
}

export interface MessageView {
  /** Notification and fallback text. */
  text: string;
  blocks: Block[];
}

/** A short note to one person: its text, also as the only block. */
export function notice(text: string): MessageView {
  return { text, blocks: [{ type: 'text', text }] };
}

export type FormField =
  | {
      id: string;
      type: 'choice';
      label: string;
      options: { value: string; label: string }[];
      initial?: string;
      optional?: boolean;
    }
  | {
      id: string;
      type: 'multiChoice';
      label: string;
      options: { value: string; label: string }[];
      initial?: string[];
      optional?: boolean;
    }
  | {
      id: string;
      type: 'text';
      label: string;
      multiline: boolean;
      maxLength: number;
      initial?: string;
      optional?: boolean;
      hint?: string;
    }
  /** Evidence links: a URL and an optional title per row. */
  | {
      id: string;
      type: 'links';
      label: string;
      max: number;
      /** The longest link and title each row takes. */
      maxLengths?: { url: number; title: number };
      /** Each row also takes the document's own date (optional), e.g. when a plan was adopted. */
      dated?: boolean;
      initial?: { url: string; title?: string; validFrom?: string }[];
      optional?: boolean;
      hint?: string;
    }
  | { id: string; type: 'person'; label: string; optional?: boolean }
  /** Several people, e.g. the owners of an action item. */
  | { id: string; type: 'people'; label: string; initial?: string[]; optional?: boolean }
  | { id: string; type: 'date'; label: string; initial?: string; optional?: boolean };

export interface FormView {
  title: string;
  submitLabel: string;
  /** What the form is about; comes back with the submission unchanged. */
  context: Action;
  intro?: string;
  fields: FormField[];
  /**
   * The few words a platform needs beyond the fields, in the reader's language,
   * so that adapters never translate: Teams labels each evidence link's title
   * field and prompts in its people picker.
   */
  words?: FormWords;
}

export interface FormWords {
  /** The label of each evidence row's title, row 1 first. */
  linkTitles: string[];
  /** The label of each evidence row's link, row 1 first. */
  linkUrls?: string[];
  /** The label of each evidence row's document date, row 1 first. */
  linkDates?: string[];
  peoplePlaceholder: string;
  /** Said under a required field left empty, where the platform checks before sending. */
  required?: string;
}
