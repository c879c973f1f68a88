/** Settings → Live video: inline errors name the docs' field, engine issues map to fields, the update, the URL preview. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIVE_SETTINGS } from '../../../../../electron/core/live/settings';
import type { LiveSettings } from '../../../../../shared/ipc/live';
import { liveFieldErrors, livePreview, liveServerErrors, liveUpdate } from '../../../../../renderer/src/features/settings/liveForm';

const gb: LiveSettings = { ...DEFAULT_LIVE_SETTINGS, protocol: 'gb28181' };

describe('liveFieldErrors', () => {
  it('has nothing to say about good settings', () => {
    expect(liveFieldErrors(DEFAULT_LIVE_SETTINGS)).toEqual({});
    expect(liveFieldErrors(gb)).toEqual({});
  });

  it('keys each error by its form field and starts the text with the docs key', () => {
    const e = liveFieldErrors({ ...gb, rtmpPort: -1, gb28181: { ...gb.gb28181, serverPort: 70000, agentPassword: 'a b' } });
    expect(e).toEqual({
      'live.rtmpPort': 'rtmpPort: a port 1–65535, or 0 for any free port',
      'live.gb28181.serverPort': 'serverPort: 70000 must be 1–65535',
      'live.gb28181.agentPassword': 'agentPassword: 1–64 printable characters without spaces, & or =',
    });
  });
});

describe('liveServerErrors', () => {
  it('maps the engine details to the same fields and ignores other shapes', () => {
    expect(liveServerErrors([{ path: ['whip', 'url'], message: 'must start with http:// or https://' }, { x: 1 }])).toEqual({ 'live.whip.url': 'url: must start with http:// or https://' });
    expect(liveServerErrors('nope')).toEqual({});
  });
});

describe('liveUpdate', () => {
  it('sends changed sections whole and leaves the rest out', () => {
    const draft = { ...gb, gb28181: { ...gb.gb28181, serverIP: '10.0.0.9' } };
    expect(liveUpdate(DEFAULT_LIVE_SETTINGS, draft)).toEqual({ protocol: 'gb28181', gb28181: draft.gb28181 });
    expect(liveUpdate(draft, draft)).toEqual({});
  });
});

describe('livePreview', () => {
  it('shows url_type and the docs-format url with the password masked', () => {
    expect(livePreview(gb)).toEqual({
      videoId: '1ZNDH1D0010098/39-0-7/normal-0',
      urlType: 3,
      url: 'serverIP=192.168.1.1&serverPort=8080&serverID=34000000000000000000&agentID=300000000010000000000&agentPassword=•••&localPort=7060&channel=340000000000000000000',
    });
  });
  it('shows nothing for RTMP or while a field is wrong', () => {
    expect(livePreview(DEFAULT_LIVE_SETTINGS)).toBeNull();
    expect(livePreview({ ...gb, gb28181: { ...gb.gb28181, serverIP: 'x' } })).toBeNull();
  });
});
