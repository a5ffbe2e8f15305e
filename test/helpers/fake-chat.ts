import type { Address } from '../../src/chat/address.ts';
import { tableLines } from '../../src/chat/table.ts';
import {
  RateLimitedError,
  UnreachableError,
  type ChatFile,
  type ChatPort,
  type MessageRef,
} from '../../src/chat/port.ts';
import type { Button, FormView, MessageView } from '../../src/chat/views.ts';

export interface SentMessage {
  ref: MessageRef;
  /** The message it replies to in a thread, if any. */
  thread?: MessageRef;
  /** The message as it looks now (after updates). */
  view: MessageView;
  /** Every version, first as sent. */
  versions: MessageView[];
}

export interface OpenedForm {
  to: Address;
  trigger: string | undefined;
  form: FormView;
}

/**
 * A hand-written in-memory chat platform: it keeps what was sent, updated
 * and opened, and can be told to fail or rate-limit, like a real one.
 */
export function createFakeChat() {
  const messages: SentMessage[] = [];
  const forms: OpenedForm[] = [];
  const files: { to: Address; files: ChatFile[]; comment: string }[] = [];
  let failures: { after: number; error: () => Error } | undefined;
  let rateLimits: number[] = [];
  let sends = 0;
  const unreachable = new Map<string, string>();
  // Display names the platform knows people by, for people named before they wrote.
  const names = new Map<string, string>();

  const port: ChatPort = {
    async send(to, view, options) {
      const limit = rateLimits.shift();
      if (limit !== undefined) throw new RateLimitedError(limit);
      if (failures && sends >= failures.after) throw failures.error();
      const reason = unreachable.get(to.id);
      if (reason) throw new UnreachableError(reason);
      sends++;
      const ref: MessageRef = {
        address: to,
        id: `m${messages.length + 1}`,
        conversation: `${to.kind}:${to.id}`,
      };
      messages.push({
        ref,
        view,
        versions: [view],
        ...(options?.thread ? { thread: options.thread } : {}),
      });
      return ref;
    },
    async update(ref, view) {
      const message = messages.find((m) => m.ref.id === ref.id);
      if (!message) throw new Error(`no message ${ref.id}`);
      message.view = view;
      message.versions.push(view);
    },
    async openForm(to, trigger, form) {
      forms.push({ to, trigger, form });
    },
    async sendFiles(to, sent, comment) {
      files.push({ to, files: sent.map((f) => ({ ...f })), comment });
    },
    personName: async (to) => names.get(to.id),
  };

  const to = (id: string) => messages.filter((m) => m.ref.address.id === id);

  return {
    port,
    /** The display name the platform gives for a person id. */
    setName: (id: string, name: string) => void names.set(id, name),
    messages,
    forms,
    files,
    /** Messages to one person or channel, oldest first. */
    to,
    last: (id: string): SentMessage | undefined => to(id).at(-1),
    /** Every text of a message, for assertions on what a person reads. */
    text: (view: MessageView): string =>
      view.blocks
        .map((b) => {
          switch (b.type) {
            case 'fields':
              return b.fields.map((f) => `${f.label}: ${f.value}`).join('\n');
            case 'links':
              return b.links.map((l) => l.url).join('\n');
            case 'actions':
              return b.buttons.map((x) => `[${x.label}]`).join(' ');
            case 'image':
              return `[image ${b.fileName}: ${b.alt}]`;
            case 'table':
              return tableLines(b).join('\n');
            default:
              return b.text;
          }
        })
        .join('\n'),
    buttons: (view: MessageView): Button[] =>
      view.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])),
    /** The send after `after` successful sends throws, as a crash would. */
    failAfter(after: number, error: () => Error = () => new Error('process crashed')) {
      failures = { after, error };
    },
    recover() {
      failures = undefined;
    },
    /** The platform cannot reach this person (app not installed, not in the roster). */
    unreachable(id: string, reason: string) {
      unreachable.set(id, reason);
    },
    /** The next sends answer "rate limited, retry after" these milliseconds. */
    rateLimit(...retryAfterMs: number[]) {
      rateLimits = [...retryAfterMs];
    },
    get sendCount() {
      return sends;
    },
  };
}

export type FakeChat = ReturnType<typeof createFakeChat>;
