/** The simulated device checks `url` against the format the docs give for its url_type (enums.md §3.1), as a device would. */
import { describe, expect, it } from 'vitest';
import { urlFitsType } from '../../../electron/core/sim/live/service';

describe('urlFitsType', () => {
  it('accepts the docs examples', () => {
    expect(urlFitsType(1, 'rtmp://192.168.1.1:8080/live')).toBe(true);
    expect(urlFitsType(3, 'serverIP=192.168.1.1&serverPort=8080&serverID=34000000000000000000&agentID=300000000010000000000&agentPassword=0000000&localPort=7060&channel=340000000000000000000')).toBe(true);
    expect(urlFitsType(0, 'channel=1ZNDH1D0010098_39-0-7&sn=1ZNDH1D0010098&token=006dca%2F&uid=50000')).toBe(true);
    expect(urlFitsType(4, 'http://192.168.1.1:8080/rtc/v1/whip/?app=live&stream=livestream')).toBe(true);
  });
  it('refuses a url of another type, a misspelt or missing key, an empty value, and RTSP (not in the docs enum)', () => {
    expect(urlFitsType(3, 'rtmp://192.168.1.1/live')).toBe(false);
    expect(urlFitsType(3, 'serverIp=192.168.1.1&serverPort=8080&serverID=3&agentID=3&agentPassword=0&localPort=7060&channel=3')).toBe(false);
    expect(urlFitsType(3, 'serverIP=192.168.1.1&serverPort=8080&serverID=3&agentID=3&agentPassword=0&localPort=7060')).toBe(false);
    expect(urlFitsType(0, 'channel=c&sn=&token=t&uid=1')).toBe(false);
    expect(urlFitsType(4, 'rtmp://x/whip')).toBe(false);
    expect(urlFitsType(2, 'userName=a&password=b&port=554')).toBe(false);
  });
});
