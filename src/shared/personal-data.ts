/**
 * Whom a data-subject request is about: the key their work is recorded
 * under (e.g. `slack:U0EDU1`) and every platform id they are known by, since
 * a person configured for both Slack and Teams is kept under one key while
 * the Teams adapter also remembers them by their Teams id.
 */
export interface DataSubject {
  readonly person: string;
  readonly refs: readonly { platform: string; id: string }[];
}

/**
 * One repository's share of a data-subject request. Each repository knows its
 * own keys; a request walks every share, so nothing has to know them all.
 */
export interface PersonalData<Export extends object = object> {
  readonly name: string;
  /** Plain JSON data; merged with the other shares into one export. */
  export(subject: DataSubject): Promise<Export>;
  /**
   * Deletes what is only the person's and takes them out of what is shared.
   * A share kept in records other people also use answers how many records
   * it changed, and is reported under its name.
   */
  erase(subject: DataSubject): Promise<number | undefined>;
}
