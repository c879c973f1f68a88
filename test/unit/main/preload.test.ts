/** The preload exposes exactly one function per contract channel, and nothing else of ipcRenderer. */
import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS, SEND_CHANNELS, clientFromBridge, type OutpostBridge } from '../../../shared/ipc/contract';

const exposed: Record<string, unknown> = {};
const invoked: [string, unknown][] = [];
const sent: [string, unknown][] = [];
const listeners = new Map<string, (e: unknown, p: unknown) => void>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (k: string, v: unknown) => (exposed[k] = v) },
  ipcRenderer: {
    invoke: async (ch: string, req: unknown) => (invoked.push([ch, req]), `reply:${ch}`),
    send: (ch: string, msg: unknown) => sent.push([ch, msg]),
    on: (ch: string, l: (e: unknown, p: unknown) => void) => listeners.set(ch, l),
    removeListener: (ch: string) => listeners.delete(ch),
  },
}));

await import('../../../electron/preload/index');

describe('preload bridge', () => {
  const bridge = exposed.outpostBridge as OutpostBridge;

  it('exposes only outpostBridge, with one function per channel', () => {
    expect(Object.keys(exposed)).toEqual(['outpostBridge']);
    expect(Object.keys(bridge.invoke).sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(Object.keys(bridge.send).sort()).toEqual([...SEND_CHANNELS].sort());
    expect(Object.keys(bridge.on).sort()).toEqual([...EVENT_CHANNELS].sort());
    for (const fns of [bridge.invoke, bridge.send, bridge.on]) for (const f of Object.values(fns)) expect(typeof f).toBe('function');
  });

  it('adapts to the one client interface the renderer uses', async () => {
    const client = clientFromBridge(bridge);
    expect(await client.invoke('engine:status', undefined)).toBe('reply:engine:status');
    client.send('log:renderer', { level: 'info', message: 'hi' });
    const got: unknown[] = [];
    const off = client.on('shadow:patch', (p) => got.push(p));
    listeners.get('shadow:patch')?.({}, [{ sn: 'X' }]);
    off();
    expect(listeners.has('shadow:patch')).toBe(false);
    expect(invoked).toEqual([['engine:status', undefined]]);
    expect(sent).toEqual([['log:renderer', { level: 'info', message: 'hi' }]]);
    expect(got).toEqual([[{ sn: 'X' }]]);
  });
});
