/** Client-side settings checks and mapping the engine's per-field issues. */
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../../../shared/model/settings';
import { diffSettings } from '../../../../../renderer/src/features/settings/diff';
import { serverFieldErrors, validateSettings } from '../../../../../renderer/src/features/settings/validate';

const good: Settings = {
  broker: { mode: 'embedded', mqttPort: 1883, wsPort: 0, tlsPort: 0, tlsCertFile: null, tlsKeyFile: null, remoteUrl: null, remoteUsername: null, remotePassword: null, remoteShareGroup: null },
  device: { username: 'dock', password: 'pw' },
  dji: { appId: '1', appKey: 'k', appLicense: 'l', ntpHost: 'pool.ntp.org', ntpPort: 123 },
  map: { xyzUrl: null, tmsUrl: null, mbtilesFile: null },
  httpPort: 8080,
  advertisedHost: null,
};

describe('validateSettings', () => {
  it('accepts good settings', () => expect(validateSettings(good)).toEqual({}));

  it('names each bad field', () => {
    const e = validateSettings({
      ...good,
      httpPort: 70000,
      broker: { ...good.broker, mode: 'remote', remoteUrl: 'http://x', tlsPort: 8883 },
      map: { ...good.map, xyzUrl: 'https://tiles.example/{x}/{y}' },
    });
    expect(Object.keys(e).sort()).toEqual(['broker.remoteUrl', 'broker.tlsPort', 'httpPort', 'map.xyzUrl']);
  });

  it('maps engine issues with a path to fields and ignores other details', () => {
    expect(serverFieldErrors([{ path: ['broker', 'mqttPort'], message: 'in use' }, { nope: 1 }])).toEqual({ 'broker.mqttPort': 'in use' });
    expect(serverFieldErrors('text')).toEqual({});
  });
});

describe('diffSettings', () => {
  it('sends only the changed keys of the changed sections', () => {
    expect(diffSettings(good, good)).toEqual({});
    expect(diffSettings(good, { ...good, httpPort: 9000, map: { ...good.map, xyzUrl: '/tiles/a/{z}/{x}/{y}.png' } })).toEqual({
      httpPort: 9000,
      map: { xyzUrl: '/tiles/a/{z}/{x}/{y}.png' },
    });
  });
});
