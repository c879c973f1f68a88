import { describe, expect, it } from 'vitest';
import { parseServeArgs } from '../../../electron/core/serve/args';
import { DEFAULT_SETTINGS, mergeSettings, validateSettings } from '../../../electron/core/engine/settings';

describe('serve arguments', () => {
  it('parses the documented options', () => {
    const r = parseServeArgs(['--data-dir', '/tmp/x', '--mqtt-port', '0', '--http-port', '9000', '--device-user', 'u', '--device-pass', 'p', '--api-token', 't', '--simulate', '3']);
    expect(r).toMatchObject({ ok: true, value: { dataDir: '/tmp/x', mqttPort: 0, httpPort: 9000, deviceUser: 'u', devicePass: 'p', apiToken: 't', simulate: 3, host: '127.0.0.1' } });
  });
  it('refuses unknown options and bad numbers with a clear message', () => {
    expect(parseServeArgs(['--nope'])).toMatchObject({ ok: false, error: { code: 'bad_arguments' } });
    const r = parseServeArgs(['--mqtt-port', 'abc']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('--mqtt-port');
  });
});

describe('settings', () => {
  it('defaults are valid', () => {
    expect(validateSettings(DEFAULT_SETTINGS).ok).toBe(true);
  });
  it('names the field of an invalid value', () => {
    const r = validateSettings(mergeSettings(DEFAULT_SETTINGS, { broker: { mqttPort: 70000 } }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^broker\.mqttPort/);
  });
  it('remote mode needs a URL; TLS needs cert and key', () => {
    const r1 = validateSettings(mergeSettings(DEFAULT_SETTINGS, { broker: { mode: 'remote' } }));
    expect(r1.ok).toBe(false);
    const r2 = validateSettings(mergeSettings(DEFAULT_SETTINGS, { broker: { tlsPort: 8883 } }));
    expect(r2.ok).toBe(false);
    const r3 = validateSettings(mergeSettings(DEFAULT_SETTINGS, { broker: { mode: 'remote', remoteUrl: 'mqtt://10.0.0.5:1883' } }));
    expect(r3.ok).toBe(true);
  });
});
