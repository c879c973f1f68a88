/** Pure client-side checks of the settings form; the engine validates again and its Result errors are shown too. */
import type { Settings } from '../../../../shared/model/settings';

export type FieldErrors = Readonly<Record<string, string>>;

/** 0 is allowed everywhere, as the engine allows it: "any free port" for listeners, "off" for the optional ones. */
const port = (v: number, zeroMeans: 'off' | 'any free port' | 'the default'): string | null =>
  Number.isInteger(v) && v >= 0 && v <= 65535 ? null : `A port 1–65535, or 0 for ${zeroMeans}.`;

export const validateSettings = (s: Settings): FieldErrors => {
  const e: Record<string, string> = {};
  const put = (k: string, msg: string | null) => {
    if (msg) e[k] = msg;
  };
  put('httpPort', port(s.httpPort, 'any free port'));
  put('broker.mqttPort', port(s.broker.mqttPort, 'any free port'));
  put('broker.wsPort', port(s.broker.wsPort, 'off'));
  put('broker.tlsPort', port(s.broker.tlsPort, 'off'));
  if (s.broker.tlsPort > 0 && (!s.broker.tlsCertFile || !s.broker.tlsKeyFile)) put('broker.tlsPort', 'TLS needs a certificate file and a key file.');
  if (s.broker.mode === 'remote') {
    const url = s.broker.remoteUrl ?? '';
    if (!/^(mqtts?|wss?|tcp|ssl):\/\/[^/\s]+/.test(url)) put('broker.remoteUrl', 'Remote broker URL like mqtt://10.0.0.5:1883 (mqtt, mqtts, ws, wss, tcp or ssl).');
  }
  if (!s.device.username) put('device.username', 'Devices need a username to connect.');
  put('dji.ntpPort', port(s.dji.ntpPort, 'the default'));
  for (const k of ['xyzUrl', 'tmsUrl'] as const) {
    const v = s.map[k];
    if (v && /^https?:\/\//i.test(v) && !/\{z\}/.test(v)) put(`map.${k}`, 'A tile URL template needs {z}, {x} and {y}.');
  }
  return e;
};

/** Engine errors may carry per-field issues in `details` (e.g. zod issues with a `path`). */
export const serverFieldErrors = (details: unknown): FieldErrors => {
  if (!Array.isArray(details)) return {};
  const e: Record<string, string> = {};
  for (const d of details as unknown[]) {
    const issue = d as { path?: unknown; message?: unknown };
    if (Array.isArray(issue.path) && typeof issue.message === 'string') e[issue.path.join('.')] = issue.message;
  }
  return e;
};
