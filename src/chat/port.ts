import type { Address, PersonRef } from './address.ts';
import type { FormView, MessageView } from './views.ts';

/** A sent message, so that it can be updated in place later. */
export interface MessageRef {
  address: Address;
  /** The platform's message id (Slack ts, Teams activity id). */
  id: string;
  /** The conversation it lives in (Slack channel/DM id, Teams conversation id). */
  conversation: string;
}

/**
 * The chat port: all the core ever asks of a platform. Adapters implement it;
 * tests use an in-memory fake.
 */
/** Options of a send: a reply in the thread of an earlier message (Slack) or a follow-up (Teams). */
export interface SendOptions {
  thread?: MessageRef;
  /**
   * An opaque key the platform keeps with the message, so that a send which
   * may have happened before a crash can be found again (see findSent).
   */
  key?: string;
}

/** A file to hand to a person or channel, e.g. an export. */
export interface ChatFile {
  name: string;
  mediaType: string;
  content: string | Uint8Array;
  title?: string;
}

export interface ChatPort {
  send(to: Address, message: MessageView, options?: SendOptions): Promise<MessageRef>;
  /** Delivers files with a short comment; optional for platforms that cannot. */
  sendFiles?(to: Address, files: readonly ChatFile[], comment: string): Promise<void>;
  update(ref: MessageRef, message: MessageView): Promise<void>;
  /** Opens a form in answer to a click; `trigger` is the platform's handle for it (Slack trigger_id). */
  openForm(to: Address, trigger: string | undefined, form: FormView): Promise<void>;
  /** The locale the platform reports for a person (e.g. `fi-FI`), if it knows one. */
  personLocale?(to: Address): Promise<string | undefined>;
  /** The name the platform shows for a person (their display name), if it knows one. */
  personName?(to: Address): Promise<string | undefined>;
  /**
   * Finds a message sent with `key` (in `options.thread` when given) no earlier
   * than `since`. Platforms that cannot read back what was sent leave it out.
   */
  findSent?(
    to: Address,
    key: string,
    since: Date,
    options?: SendOptions,
  ): Promise<MessageRef | undefined>;
  /**
   * The person this platform knows by an e-mail address, or undefined when it
   * knows no one by it; throws when it cannot tell (down, not allowed). The
   * core decides what to do with the answer and remembers it (src/people).
   */
  findPerson?(email: string): Promise<PersonRef | undefined>;
}

/** A platform's answer that it is overloaded: wait and try again. */
export class RateLimitedError extends Error {
  readonly retryAfterMs: number;
  constructor(retryAfterMs: number, message = 'rate limited') {
    super(message);
    this.name = 'RateLimitedError';
    this.retryAfterMs = retryAfterMs;
  }
}

/** A person or channel the platform cannot reach (app not installed, left the team). */
export class UnreachableError extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(`unreachable: ${reason}`);
    this.name = 'UnreachableError';
    this.reason = reason;
  }
}

/** The platform takes no files from a bot (Teams): the core hands over download links instead. */
export class FilesUnsupportedError extends UnreachableError {
  constructor(platform: string) {
    super(`${platform} cannot receive files`);
    this.name = 'FilesUnsupportedError';
  }
}
