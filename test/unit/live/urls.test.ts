/** URL builders reproduce the docs' own examples exactly (Dock 2 30.live.md "url"; enums.md §3.1) and refuse bad settings by name. */
import { describe, expect, it } from 'vitest';
import { agoraUrl, gb28181Url, rtmpUrl, whipUrl } from '../../../shared/protocol/live';

const value = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const message = (r: { ok: boolean; error?: { message: string } }): string => (r.ok ? '' : r.error!.message);

describe('GB28181', () => {
  const docs = { serverIP: '192.168.1.1', serverPort: 8080, serverID: '34000000000000000000', agentID: '300000000010000000000', agentPassword: '0000000', localPort: 7060, channel: '340000000000000000000' };
  it('builds the docs example byte for byte', () => {
    expect(value(gb28181Url(docs))).toBe('serverIP=192.168.1.1&serverPort=8080&serverID=34000000000000000000&agentID=300000000010000000000&agentPassword=0000000&localPort=7060&channel=340000000000000000000');
  });
  it('names the bad field and its range', () => {
    expect(message(gb28181Url({ ...docs, serverIP: '192.168.1.300' }))).toMatch(/^gb28181\.serverIP: .*IPv4/);
    expect(message(gb28181Url({ ...docs, serverPort: 70000 }))).toBe('gb28181.serverPort: 70000 must be 1–65535');
    expect(message(gb28181Url({ ...docs, channel: '34A' }))).toMatch(/^gb28181\.channel: .*numeric code/);
    expect(message(gb28181Url({ ...docs, agentPassword: 'a&b' }))).toMatch(/^gb28181\.agentPassword/);
  });
});

describe('Agora', () => {
  it('builds the docs example (token already URL-encoded is kept as is)', () => {
    const token = '006dca67721582a48768ec4d817b7b25a86IADk%2Fcm%2Fdv%2BHY6qT%2FAKM6y7TcUe4lXNvZpycH7vUMAlM6pFALUKF2zyCIgA82pQE8cCoYAQAAQDxwKhgAgDxwKhgAwDxwKhgBADxwKhg';
    expect(value(agoraUrl({ channel: '1ZNDH1D0010098_39-0-7', sn: '1ZNDH1D0010098', token, uid: 50000 }))).toBe(
      `channel=1ZNDH1D0010098_39-0-7&sn=1ZNDH1D0010098&token=${token}&uid=50000`,
    );
  });
  it('URL-encodes a raw token once (it may contain + and /)', () => {
    expect(value(agoraUrl({ channel: 'c', sn: 'SN1', token: 'a+b/c=', uid: 1 }))).toBe('channel=c&sn=SN1&token=a%2Bb%2Fc%3D&uid=1');
  });
  it('refuses a bad uid or an empty token by name', () => {
    expect(message(agoraUrl({ channel: 'c', sn: 'SN1', token: 't', uid: 0 }))).toBe('agora.uid: 0 must be an integer 1–4294967295');
    expect(message(agoraUrl({ channel: 'c', sn: 'SN1', token: '', uid: 5 }))).toMatch(/^agora\.token/);
  });
});

describe('WHIP', () => {
  it('builds the docs example from a {stream} template', () => {
    expect(value(whipUrl({ url: 'http://192.168.1.1:8080/rtc/v1/whip/?app=live&stream={stream}' }, 'livestream'))).toBe('http://192.168.1.1:8080/rtc/v1/whip/?app=live&stream=livestream');
  });
  it('needs http(s) and a {stream} placeholder', () => {
    expect(message(whipUrl({ url: 'rtmp://x/{stream}' }, 's'))).toBe('whip.url: must start with http:// or https://');
    expect(message(whipUrl({ url: 'http://x/whip' }, 's'))).toMatch(/must contain \{stream\}/);
    expect(message(whipUrl({ url: 'not a url {stream}' }, 's'))).toMatch(/is not a URL/);
  });
});

describe('RTMP', () => {
  it('puts the per-stream secret in the stream name query', () => {
    expect(value(rtmpUrl({ host: '192.168.1.1', port: 1935, app: 'live', stream: 'SN_39-0-7_normal-0', secret: 'a'.repeat(32) }))).toBe(`rtmp://192.168.1.1:1935/live/SN_39-0-7_normal-0?secret=${'a'.repeat(32)}`);
  });
  it('refuses 0.0.0.0 (devices cannot push there) and a short secret', () => {
    expect(message(rtmpUrl({ host: '0.0.0.0', port: 1935, app: 'live', stream: 's', secret: 'a'.repeat(32) }))).toMatch(/^rtmp\.host/);
    expect(message(rtmpUrl({ host: 'h', port: 1935, app: 'live', stream: 's', secret: 'short' }))).toMatch(/^rtmp\.secret/);
  });
});
