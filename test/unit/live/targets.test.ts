/** Push targets the user runs: the exact `url` per protocol for one stream, and every bad setting named by its field. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIVE_SETTINGS } from '../../../electron/core/live/settings';
import { agoraChannel, externalUrl, gb28181Issues, pushSettingsIssues, type PushSettings } from '../../../shared/protocol/live';

const value = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
/** Dock 2 30.live.md's example stream. */
const DOCS_STREAM = { sn: '1ZNDH1D0010098', cameraIndex: '39-0-7', videoIndex: 'normal-0' };
const base: PushSettings = DEFAULT_LIVE_SETTINGS;

describe('externalUrl', () => {
  it('GB28181: the docs example string for the docs example settings', () => {
    expect(value(externalUrl(base, 'gb28181', DOCS_STREAM))).toBe(
      'serverIP=192.168.1.1&serverPort=8080&serverID=34000000000000000000&agentID=300000000010000000000&agentPassword=0000000&localPort=7060&channel=340000000000000000000',
    );
  });

  it('Agora: the default channel template reproduces the docs example (channel {sn}_{camera_index}, sn of the video source)', () => {
    const token = '006dca67721582a48768ec4d817b7b25a86IADk%2Fcm%2Fdv%2BHY6qT%2FAKM6y7TcUe4lXNvZpycH7vUMAlM6pFALUKF2zyCIgA82pQE8cCoYAQAAQDxwKhgAgDxwKhgAwDxwKhgBADxwKhg';
    expect(value(externalUrl({ ...base, agora: { ...base.agora, token } }, 'agora', DOCS_STREAM))).toBe(
      `channel=1ZNDH1D0010098_39-0-7&sn=1ZNDH1D0010098&token=${token}&uid=50000`,
    );
  });

  it('WHIP: {stream} becomes the camera stream name', () => {
    expect(value(externalUrl({ ...base, whip: { url: 'http://192.168.1.1:8080/rtc/v1/whip/?app=live&stream={stream}' } }, 'whip', DOCS_STREAM))).toBe(
      'http://192.168.1.1:8080/rtc/v1/whip/?app=live&stream=1ZNDH1D0010098_39-0-7_normal-0',
    );
  });

  it('fills every placeholder of the Agora channel template', () => {
    expect(agoraChannel('{sn}-{camera_index}-{video_index}-{sn}', DOCS_STREAM)).toBe('1ZNDH1D0010098-39-0-7-normal-0-1ZNDH1D0010098');
  });
});

describe('pushSettingsIssues', () => {
  it('checks only the protocol in use (RTMP needs no settings; a blank Agora token is fine then)', () => {
    expect(pushSettingsIssues({ ...base, protocol: 'rtmp', agora: { ...base.agora, token: '' } })).toEqual([]);
    expect(pushSettingsIssues({ ...base, protocol: 'gb28181' })).toEqual([]);
  });

  it('lists every bad GB28181 field, each by its docs key', () => {
    const bad = { ...base.gb28181, serverIP: '10.0.0', serverPort: 70000, agentID: 'x1', localPort: 0 };
    expect(gb28181Issues(bad).map((i) => i.field)).toEqual(['gb28181.serverIP', 'gb28181.serverPort', 'gb28181.agentID', 'gb28181.localPort']);
    expect(pushSettingsIssues({ ...base, protocol: 'gb28181', gb28181: bad })[1]).toEqual({ field: 'gb28181.serverPort', message: '70000 must be 1–65535' });
  });

  it('Agora: names an unknown placeholder, a missing token and a bad uid', () => {
    const issues = pushSettingsIssues({ ...base, protocol: 'agora', agora: { channel: '{drone}_x', token: '', uid: 0 } });
    expect(issues.map((i) => i.field)).toEqual(['agora.channel', 'agora.token', 'agora.uid']);
    expect(issues[0]!.message).toMatch(/unknown placeholder \{drone\}/);
  });

  it('refuses this machine\'s loopback as a target: the device pushes from the network', () => {
    expect(pushSettingsIssues({ ...base, protocol: 'whip', whip: { url: 'http://127.0.0.1:1985/rtc/v1/whip/?stream={stream}' } })).toEqual([{ field: 'whip.url', message: '127.0.0.1 is not reachable from a device; give the server\'s LAN address' }]);
    expect(pushSettingsIssues({ ...base, protocol: 'whip', whip: { url: 'http://localhost/whip?stream={stream}' } })[0]!.field).toBe('whip.url');
    expect(pushSettingsIssues({ ...base, protocol: 'gb28181', gb28181: { ...base.gb28181, serverIP: '0.0.0.0' } })[0]).toEqual({ field: 'gb28181.serverIP', message: '0.0.0.0 is not reachable from a device; give the platform\'s LAN address' });
  });

  it('WHIP: needs {stream} in an http(s) endpoint', () => {
    expect(pushSettingsIssues({ ...base, protocol: 'whip', whip: { url: 'http://10.0.0.2/whip' } })).toEqual([{ field: 'whip.url', message: 'must contain {stream} so each camera gets its own stream' }]);
  });
});
