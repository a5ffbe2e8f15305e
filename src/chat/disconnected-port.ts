import { UnreachableError, type ChatPort } from './port.ts';

/** The port while no chat platform is connected: nothing can be delivered, and the outbox says so. */
export const disconnectedPort: ChatPort = {
  send: () => Promise.reject(new UnreachableError('no chat platform is connected')),
  update: () => Promise.reject(new UnreachableError('no chat platform is connected')),
  openForm: () => Promise.reject(new UnreachableError('no chat platform is connected')),
};
