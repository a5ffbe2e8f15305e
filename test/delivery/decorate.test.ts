import { describe, expect, it } from 'vitest';
import type { Address } from '../../src/chat/address.ts';
import { UnreachableError, type ChatPort } from '../../src/chat/port.ts';
import { decorate, type PortHooks } from '../../src/delivery/decorate.ts';
import { routerPort } from '../../src/delivery/router.ts';

const to: Address = { platform: 'slack', kind: 'person', id: 'U1' };
const view = { text: 'hi', blocks: [] };

function platform(calls: string[]): ChatPort {
  return {
    send: async (address) => {
      calls.push('send');
      return { address, id: '1', conversation: 'D1' };
    },
    update: async () => void calls.push('update'),
    openForm: async () => void calls.push('openForm'),
  };
}

/** A decorator that notes each send as it passes, around the next one in. */
const noting = (name: string, calls: string[]): PortHooks => ({
  send: (next) => async (address, message, options) => {
    calls.push(`${name} in`);
    const ref = await next(address, message, options);
    calls.push(`${name} out`);
    return ref;
  },
});

describe('decorated ports', () => {
  it('call the first decorator outermost, and pass through what a decorator leaves out', async () => {
    const calls: string[] = [];
    const port = decorate(platform(calls), noting('a', calls), noting('b', calls));
    await port.send(to, view);
    await port.update({ address: to, id: '1', conversation: 'D1' }, view);
    expect(calls).toEqual(['a in', 'b in', 'send', 'b out', 'a out', 'update']);
  });

  it('fill in what a platform leaves out: no files, no locale, nothing found', async () => {
    const port = decorate(platform([]));
    await expect(port.sendFiles(to, [], 'x')).rejects.toThrow(UnreachableError);
    expect(await port.personLocale(to)).toBeUndefined();
    expect(await port.findSent(to, 'k', new Date())).toBeUndefined();
  });

  it('route each call to its platform; one not connected cannot be sent to and finds nothing', async () => {
    const calls: string[] = [];
    const router = routerPort({ slack: platform(calls) });
    await router.send(to, view);
    expect(calls).toEqual(['send']);
    const teams: Address = { platform: 'teams', kind: 'person', id: 'T1' };
    await expect(router.send(teams, view)).rejects.toThrow('teams is not connected');
    await expect(router.sendFiles(teams, [], 'x')).rejects.toThrow('teams is not connected');
    await expect(router.sendFiles(to, [], 'x')).rejects.toThrow('slack cannot receive files');
    expect(await router.personLocale(teams)).toBeUndefined();
    expect(await router.findSent(teams, 'k', new Date())).toBeUndefined();
  });
});
