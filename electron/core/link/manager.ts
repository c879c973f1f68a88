/** The one place links are created: embedded aedes or a remote broker, from the operator's broker settings. */
import { readFileSync } from 'node:fs';
import type { BrokerSettings } from '../../../shared/model/settings';
import { appError, err, ok, type Result } from '../../../shared/util/result';
import type { Clock } from '../util/clock';
import type { Counters } from '../util/counters';
import type { Logger } from '../util/log';
import type { BackoffOptions } from './backoff';
import { createEmbeddedLink, type EmbeddedLink } from './embedded';
import { createRemoteLink, type RemoteLink } from './remote';
import type { BrokerAuth } from './types';

export interface LinkDeps {
  readonly auth: BrokerAuth;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly counters?: Counters;
  /** Embedded listen address. Default 127.0.0.1; the app passes `0.0.0.0` so docks on the LAN can connect. */
  readonly host?: string;
  readonly backoff?: BackoffOptions;
  /** Injected for tests; reads the TLS files named in the settings. */
  readonly readFile?: (path: string) => Buffer;
}

export type AnyLink = EmbeddedLink | RemoteLink;

export function createLink(settings: BrokerSettings, deps: LinkDeps): Result<AnyLink> {
  const logger = deps.logger.child('link');
  const counters = deps.counters ? { counters: deps.counters } : {};
  if (settings.mode === 'remote') {
    if (!settings.remoteUrl) return err(appError('invalid_settings', 'Remote broker mode needs a broker URL (e.g. mqtt://10.0.0.5:1883).'));
    return ok(
      createRemoteLink({
        url: settings.remoteUrl,
        username: settings.remoteUsername,
        password: settings.remotePassword,
        shareGroup: settings.remoteShareGroup,
        logger,
        clock: deps.clock,
        ...counters,
        ...(deps.backoff ? { backoff: deps.backoff } : {}),
      }),
    );
  }
  let tls: { cert: Buffer; key: Buffer } | undefined;
  if (settings.tlsPort > 0) {
    if (!settings.tlsCertFile || !settings.tlsKeyFile) {
      return err(appError('invalid_settings', 'MQTT over TLS needs both a certificate file and a key file.'));
    }
    const read = deps.readFile ?? ((p: string) => readFileSync(p));
    try {
      tls = { cert: read(settings.tlsCertFile), key: read(settings.tlsKeyFile) };
    } catch (e) {
      return err(appError('invalid_settings', `Cannot read the TLS certificate or key: ${e instanceof Error ? e.message : String(e)}`));
    }
  }
  return ok(
    createEmbeddedLink({
      mqttPort: settings.mqttPort,
      // 0 means "off" in the settings (shared/model/settings.ts), unlike createEmbeddedLink where 0 is ephemeral.
      ...(settings.wsPort > 0 ? { wsPort: settings.wsPort } : {}),
      ...(tls ? { tlsPort: settings.tlsPort, tls } : {}),
      ...(deps.host ? { host: deps.host } : {}),
      auth: deps.auth,
      logger,
      ...counters,
    }),
  );
}
