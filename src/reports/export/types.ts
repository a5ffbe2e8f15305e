import type { ActionItem } from '../../action-plans/item.ts';
import type { Catalogue } from '../../catalogue/load.ts';
import type { DepartmentRecord } from '../../checkins/record-repository.ts';
import type { Cycle } from '../../cycles/cycle.ts';
import type { Translator } from '../../i18n/create.ts';
import type { Language } from '../../i18n/languages.ts';

/** Everything an export reads; gathered by the caller so the export itself stays pure. */
export interface ExportInput {
  /** The organisation's name. */
  organization: string;
  language: Language;
  /** Fixed to `language`. */
  t: Translator;
  cycle: Cycle;
  /** Department records of the cycle by department id; a missing one counts as empty. */
  records: ReadonlyMap<string, DepartmentRecord>;
  items: readonly ActionItem[];
  /** For the reasoning paragraph and city examples of each key factor. */
  catalogue: Catalogue;
  nameOf(person: string): string;
  generatedAt: Date;
  /** IANA zone for the dates and times people read, e.g. Europe/Helsinki. */
  timeZone: string;
  /** Evidence older than this many months is marked possibly out of date. */
  staleAfterMonths: number;
}

/** One file of an export, made as it is read. */
export interface ExportFile {
  name: string;
  mediaType: string;
  /**
   * The content in order, a piece at a time, built only as it is read: a
   * large organisation's files run to megabytes, and a writer that passes each
   * piece on never holds a whole file. Each call starts from the beginning.
   */
  chunks(): Iterable<string>;
}

/** An export file made whole, as UTF-8 bytes: what a chat upload takes. */
export interface BuiltFile {
  name: string;
  mediaType: string;
  content: Uint8Array;
}
