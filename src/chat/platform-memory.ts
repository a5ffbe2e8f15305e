/**
 * What a chat adapter keeps between requests: how to reach a person or a
 * conversation, the other ids a person is known by on the platform, and the
 * forms it sent. `Reach` and `Form` are the adapter's own JSON values; where
 * and how they are kept is not the adapter's business.
 */
export interface PlatformMemory<Reach, Form> {
  /** The reach kept under an id (a person as the core knows them, or a channel). */
  reach(id: string): Promise<Reach | undefined>;
  /** Changes the reach under an id, one change at a time; undefined leaves it as it was. */
  updateReach(id: string, change: (known: Reach | undefined) => Reach | undefined): Promise<void>;
  /** The id another form of it (e.g. an e-mail, a platform user id) was recorded for. */
  aliasOf(form: string): Promise<string | undefined>;
  /** Records other forms of an id; forms are matched without regard to case. */
  alias(forms: readonly string[], id: string): Promise<void>;
  /** A form sent to the person known as `to`, kept for `ttlMs`. */
  rememberForm(
    message: { conversation: string; id: string },
    to: string,
    form: Form,
    ttlMs: number,
  ): Promise<void>;
  sentForm(message: { conversation: string; id: string }): Promise<Form | undefined>;
}
