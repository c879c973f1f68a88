/** The headless run: one ready line, the API answers, SIGINT/SIGTERM stop cleanly. */
import { describe, expect, it } from 'vitest';
import { startServe } from '../../e2e/helpers/serve';

describe('npm run serve (headless engine)', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`prints one ready line, serves the API and stops cleanly on ${signal}`, async () => {
      const s = await startServe({ token: 'serve-token-abcdef' });
      try {
        expect(s.readyLine).toMatch(/^Outpost ready: open http:\/\/127\.0\.0\.1:\d+\/\?token=serve-token-abcdef/);
        const res = await fetch(`${s.url}/api/v1/devices`, { headers: { authorization: 'Bearer serve-token-abcdef' } });
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ devices: [] });
      } finally {
        expect(await s.stop(signal)).toBe(0);
      }
    }, 60_000);
  }

  it('refuses bad arguments with a clear message and exit code 2', async () => {
    await expect(startServe({ args: ['--mqtt-port', 'x'] })).rejects.toThrow(/--mqtt-port must be a whole number/);
  }, 30_000);
});
