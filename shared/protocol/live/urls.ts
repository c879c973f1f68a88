/**
 * `live_start_push` `url` for each `url_type` (Dock 2 30.live.md "url"; enums.md §3.1), built exactly as the docs
 * spell it, from settings validated with errors that name the field and its range.
 */
import { appError, err, ok, type Result } from '../../util/result';

/** url_type (docs enum): 0 Agora, 1 RTMP, 3 GB28181, 4 WebRTC (WHIP signalling only). */
export const URL_TYPE = { agora: 0, rtmp: 1, gb28181: 3, whip: 4 } as const;
export type LiveProtocol = keyof typeof URL_TYPE;

export interface RtmpTarget {
  readonly host: string;
  readonly port: number;
  readonly app: string;
  readonly stream: string;
  /** Per-stream publish secret, carried in the stream name's query (`?secret=`), as nginx-rtmp/SRS do. */
  readonly secret: string;
}
export interface Gb28181Settings {
  readonly serverIP: string;
  readonly serverPort: number;
  readonly serverID: string;
  readonly agentID: string;
  readonly agentPassword: string;
  readonly localPort: number;
  readonly channel: string;
}
export interface AgoraSettings {
  readonly channel: string;
  readonly sn: string;
  /** Agora token; may contain `+` and `/`, so it is URL-encoded once (docs note). */
  readonly token: string;
  readonly uid: number;
}
export interface WhipSettings {
  /** The user's WHIP endpoint; `{stream}` is replaced per camera, e.g. http://10.0.0.2:1985/rtc/v1/whip/?app=live&stream={stream}. */
  readonly url: string;
}

/** One bad setting: `field` is its path (e.g. `gb28181.serverPort`, the docs' own key), `message` what is wrong. */
export interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

const issue = (field: string, message: string): FieldIssue => ({ field, message });
/** The first issue as an error value: the message names the field; `details.issues` lists them all. */
const failWith = (issues: readonly FieldIssue[]): Result<never> => err(appError('invalid_live_url', `${issues[0]!.field}: ${issues[0]!.message}`, { issues }));
const fail = (field: string, msg: string) => failWith([issue(field, msg)]);
const isPort = (p: unknown): p is number => typeof p === 'number' && Number.isInteger(p) && p >= 1 && p <= 65535;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HOST = /^[A-Za-z0-9.-]{1,253}$/;
const NAME = /^[A-Za-z0-9_-]{1,128}$/;
/** A device pushes from elsewhere on the network: this machine's loopback or "any address" cannot be its target. */
const unreachable = (host: string): boolean => /^(localhost|0\.0\.0\.0|127(\.\d{1,3}){3}|\[::1?\])$/i.test(host);
const AGORA_CHANNEL = /^[A-Za-z0-9!#$%&()+\-:;<=.>?@[\]^_{|}~, ]{1,64}$/;

export function rtmpUrl(t: RtmpTarget): Result<string> {
  if (!HOST.test(t.host) || t.host === '0.0.0.0') return fail('rtmp.host', `"${t.host}" must be an address devices can reach (an IP or host name, not 0.0.0.0)`);
  if (!isPort(t.port)) return fail('rtmp.port', `${t.port} must be 1–65535`);
  if (!NAME.test(t.app)) return fail('rtmp.app', 'letters, digits, - and _ only (1–128)');
  if (!NAME.test(t.stream)) return fail('rtmp.stream', 'letters, digits, - and _ only (1–128)');
  if (!/^[A-Za-z0-9]{16,128}$/.test(t.secret)) return fail('rtmp.secret', 'must be 16–128 letters or digits');
  return ok(`rtmp://${t.host}:${t.port}/${t.app}/${t.stream}?secret=${t.secret}`);
}

/** Every bad GB28181 setting, in the order the URL lists them. */
export function gb28181Issues(s: Gb28181Settings): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (!IPV4.test(s.serverIP)) out.push(issue('gb28181.serverIP', `"${s.serverIP}" must be an IPv4 address like 192.168.1.1`));
  else if (unreachable(s.serverIP)) out.push(issue('gb28181.serverIP', `${s.serverIP} is not reachable from a device; give the platform's LAN address`));
  if (!isPort(s.serverPort)) out.push(issue('gb28181.serverPort', `${s.serverPort} must be 1–65535`));
  // GB/T 28181 codes are numeric (20 digits in the standard; the docs' example agentID has 21).
  const code = (k: 'serverID' | 'agentID' | 'channel', v: string) => /^\d{10,32}$/.test(v) || out.push(issue(`gb28181.${k}`, `"${v}" must be a numeric code of 10–32 digits (GB/T 28181: 20)`));
  code('serverID', s.serverID);
  code('agentID', s.agentID);
  if (!/^[\x21-\x7e]{1,64}$/.test(s.agentPassword) || /[&=]/.test(s.agentPassword)) out.push(issue('gb28181.agentPassword', '1–64 printable characters without spaces, & or ='));
  if (!isPort(s.localPort)) out.push(issue('gb28181.localPort', `${s.localPort} must be 1–65535`));
  code('channel', s.channel);
  return out;
}

/** `serverIP=…&serverPort=…&serverID=…&agentID=…&agentPassword=…&localPort=…&channel=…` (exact key spelling). */
export function gb28181Url(s: Gb28181Settings): Result<string> {
  const issues = gb28181Issues(s);
  if (issues.length > 0) return failWith(issues);
  return ok(`serverIP=${s.serverIP}&serverPort=${s.serverPort}&serverID=${s.serverID}&agentID=${s.agentID}&agentPassword=${s.agentPassword}&localPort=${s.localPort}&channel=${s.channel}`);
}

/** Every bad Agora value. */
export function agoraIssues(s: AgoraSettings): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (!AGORA_CHANNEL.test(s.channel)) out.push(issue('agora.channel', `"${s.channel}" must be 1–64 characters from Agora's channel-name set (letters, digits, space and !#$%&()+-:;<=.>?@[]^_{|}~,)`));
  if (!/^[A-Za-z0-9]{1,64}$/.test(s.sn)) out.push(issue('agora.sn', 'must be the video source\'s serial number'));
  if (s.token.length === 0 || s.token.length > 2048) out.push(issue('agora.token', 'must be the Agora token (1–2048 characters)'));
  if (!Number.isInteger(s.uid) || s.uid < 1 || s.uid > 4294967295) out.push(issue('agora.uid', `${s.uid} must be an integer 1–4294967295`));
  return out;
}

/** `channel=…&sn=…&token=<url-encoded>&uid=…` */
export function agoraUrl(s: AgoraSettings): Result<string> {
  const issues = agoraIssues(s);
  if (issues.length > 0) return failWith(issues);
  // Already-encoded tokens (docs example has %2F) are kept; raw ones are encoded once.
  const token = /%[0-9A-Fa-f]{2}/.test(s.token) ? s.token : encodeURIComponent(s.token);
  return ok(`channel=${s.channel}&sn=${s.sn}&token=${token}&uid=${s.uid}`);
}

/** Every bad WHIP setting (the endpoint template) and, when given, a bad stream name. */
export function whipIssues(s: WhipSettings, stream = 'check'): FieldIssue[] {
  let u: URL;
  try {
    u = new URL(s.url.replace('{stream}', 'x'));
  } catch {
    return [issue('whip.url', `"${s.url}" is not a URL like http://10.0.0.2:1985/rtc/v1/whip/?app=live&stream={stream}`)];
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return [issue('whip.url', 'must start with http:// or https://')];
  if (unreachable(u.hostname)) return [issue('whip.url', `${u.hostname} is not reachable from a device; give the server's LAN address`)];
  if (!s.url.includes('{stream}')) return [issue('whip.url', 'must contain {stream} so each camera gets its own stream')];
  return NAME.test(stream) ? [] : [issue('whip.stream', 'letters, digits, - and _ only')];
}

/** A WHIP endpoint URL, with `{stream}` replaced (demo appends `{sn}-{payload_index}`). */
export function whipUrl(s: WhipSettings, stream: string): Result<string> {
  const issues = whipIssues(s, stream);
  return issues.length > 0 ? failWith(issues) : ok(s.url.replace('{stream}', stream));
}
