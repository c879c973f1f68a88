/** Live settings as the engine saves them: shape, the protocol's own checks with per-field details, older files. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIVE_SETTINGS, LiveSettingsFile, validateLiveSettings } from '../../../electron/core/live/settings';

describe('validateLiveSettings', () => {
  it('accepts the defaults and a filled-in GB28181 platform', () => {
    expect(validateLiveSettings(DEFAULT_LIVE_SETTINGS).ok).toBe(true);
    expect(validateLiveSettings({ ...DEFAULT_LIVE_SETTINGS, protocol: 'gb28181', gb28181: { ...DEFAULT_LIVE_SETTINGS.gb28181, serverIP: '10.1.2.3', serverPort: 5060 } }).ok).toBe(true);
  });

  it('refuses a bad field of the protocol in use, naming it in the message and in details', () => {
    const r = validateLiveSettings({ ...DEFAULT_LIVE_SETTINGS, protocol: 'gb28181', gb28181: { ...DEFAULT_LIVE_SETTINGS.gb28181, serverPort: 70000, channel: 'abc' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe('live.gb28181.serverPort: 70000 must be 1–65535');
    expect(r.error.details).toEqual([
      { path: ['gb28181', 'serverPort'], message: '70000 must be 1–65535' },
      { path: ['gb28181', 'channel'], message: '"abc" must be a numeric code of 10–32 digits (GB/T 28181: 20)' },
    ]);
  });

  it('reports a wrong shape by path too', () => {
    const r = validateLiveSettings({ ...DEFAULT_LIVE_SETTINGS, protocol: 'rtsp' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect((r.error.details as { path: string[] }[])[0]!.path).toEqual(['protocol']);
  });
});

describe('LiveSettingsFile', () => {
  it('reads an older file (Agora channelPrefix, no channel) over the defaults, section by section', () => {
    const dir = mkdtempSync(join(tmpdir(), 'outpost-live-settings-'));
    writeFileSync(join(dir, 'live-settings.json'), JSON.stringify({ rtmpPort: 0, agora: { channelPrefix: 'x', token: 't', uid: 7 } }));
    const r = new LiveSettingsFile(dir).load();
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject({ rtmpPort: 0, protocol: 'rtmp', agora: { channel: '{sn}_{camera_index}', token: 't', uid: 7 } });
  });
});
