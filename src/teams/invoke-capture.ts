import { AsyncLocalStorage } from 'node:async_hooks';
import type { FormView } from '../chat/views.ts';
import type { AdaptiveCard } from './render/text.ts';

/**
 * What one invoke waits for from the core, to answer with it in the invoke
 * response itself instead of another call to the Bot Connector: a click's
 * new version of the clicked card (`adaptiveCard/action`), or the form a
 * click opens, with whatever was said instead of opening it (`task/fetch`).
 */
export interface InvokeCapture {
  /** The clicked card, when its next version is the answer. */
  card?: { conversation: string; id: string };
  /** Whether a form opened is the answer (as a dialog). */
  dialog: boolean;
  updated?: AdaptiveCard;
  form?: FormView;
  /** Notices to the person while the dialog was asked for: why it does not open. */
  notes: string[];
  /** Set once the invoke has been answered: what comes after goes to the chat as usual. */
  answered: boolean;
  /** Called when the answer is known, so that the invoke is answered without waiting for the rest. */
  onCaptured(): void;
}

export interface InvokeCaptures {
  /** Runs the core's work for one invoke; the port sees the capture inside it. */
  run<T>(capture: InvokeCapture, work: () => Promise<T>): Promise<T>;
  /** The capture of the invoke being worked on, until it has been answered. */
  current(): InvokeCapture | undefined;
}

export function invokeCaptures(): InvokeCaptures {
  const storage = new AsyncLocalStorage<InvokeCapture>();
  return {
    run: (capture, work) => storage.run(capture, work),
    current() {
      const capture = storage.getStore();
      return capture && !capture.answered ? capture : undefined;
    },
  };
}

/** A new capture, and a promise that settles when it has caught its answer. */
export function newCapture(fields: Pick<InvokeCapture, 'card' | 'dialog'>): {
  capture: InvokeCapture;
  caught: Promise<void>;
} {
  let settle: () => void = () => undefined;
  const caught = new Promise<void>((resolve) => {
    settle = resolve;
  });
  return {
    capture: { ...fields, notes: [], answered: false, onCaptured: () => settle() },
    caught,
  };
}
