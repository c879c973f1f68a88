import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { connectAsync } from 'mqtt';
import { describe, expect, it } from 'vitest';
import { createDeviceAuth } from '../../../electron/core/link/auth';
import { createLink } from '../../../electron/core/link/manager';
import { systemClock } from '../../../electron/core/util/clock';
import { silentLogger } from '../../../electron/core/util/log';
import type { BrokerSettings } from '../../../shared/model/settings';
import { freePort, selfSignedCert } from './helpers';

const auth = createDeviceAuth({ credentials: () => ({ username: 'u', password: 'p' }), childrenOf: () => [] });
const deps = { auth, logger: silentLogger, clock: systemClock, host: '127.0.0.1' };
const base: BrokerSettings = {
  mode: 'embedded',
  mqttPort: 0,
  wsPort: 0,
  tlsPort: 0,
  tlsCertFile: null,
  tlsKeyFile: null,
  remoteUrl: null,
  remoteUsername: null,
  remotePassword: null,
  remoteShareGroup: null,
};

describe('createLink (link manager)', () => {
  it('embedded from settings: wsPort/tlsPort 0 mean off; TLS reads the cert files', async () => {
    const plain = createLink(base, deps);
    if (!plain.ok) throw new Error(plain.error.message);
    expect(plain.value.kind).toBe('embedded');
    if (plain.value.kind !== 'embedded') return;
    await plain.value.start();
    expect(plain.value.ports()).toMatchObject({ ws: null, tls: null });
    await plain.value.stop();

    // Settings cannot ask for an ephemeral TLS port (0 = off), so take one that is free now.
    const tls = selfSignedCert();
    const tlsPort = await freePort();
    const withTls = createLink({ ...base, tlsPort, tlsCertFile: join(tls.dir, 'cert.pem'), tlsKeyFile: join(tls.dir, 'key.pem') }, deps);
    if (!withTls.ok || withTls.value.kind !== 'embedded') throw new Error('expected an embedded link');
    await withTls.value.start();
    const c = await connectAsync(`mqtts://127.0.0.1:${withTls.value.ports().tls}`, { username: 'u', password: 'p', ca: tls.cert, servername: 'localhost', reconnectPeriod: 0 });
    expect(c.connected).toBe(true);
    expect(withTls.value.ports().tls).toBe(tlsPort);
    await c.endAsync(true);
    await withTls.value.stop();
    rmSync(tls.dir, { recursive: true, force: true });
  });

  it('refuses incomplete settings with a clear error value', () => {
    const noCert = createLink({ ...base, tlsPort: 8883 }, deps);
    expect(noCert).toMatchObject({ ok: false, error: { code: 'invalid_settings' } });
    const badFile = createLink({ ...base, tlsPort: 8883, tlsCertFile: '/nonexistent/c.pem', tlsKeyFile: '/nonexistent/k.pem' }, deps);
    expect(badFile.ok).toBe(false);
    if (!badFile.ok) expect(badFile.error.message).toMatch(/Cannot read the TLS certificate/);
    const noUrl = createLink({ ...base, mode: 'remote' }, deps);
    expect(noUrl).toMatchObject({ ok: false, error: { code: 'invalid_settings' } });
  });

  it('remote from settings', async () => {
    const r = createLink({ ...base, mode: 'remote', remoteUrl: 'mqtt://127.0.0.1:1', remoteShareGroup: 'g' }, { ...deps, backoff: { initialMs: 10_000, maxMs: 10_000, factor: 1 } });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.kind).toBe('remote');
    await r.value.start(); // nothing listens on port 1: settles as reconnecting
    expect(r.value.status().state).toBe('reconnecting');
    await r.value.stop();
  });
});
