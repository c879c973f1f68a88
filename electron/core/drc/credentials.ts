/**
 * Broker credentials for one DRC session (drc_mode_enter `mqtt_broker`, Dock 2 110.drc.md): a
 * fresh username/password, valid until `expire_time` (epoch SECONDS), allowed to publish only this
 * gateway's drc/up and subscribe only its drc/down. Removed when the session ends.
 */
import { randomBytes } from 'node:crypto';
import { appError, err, ok, type Result } from '../../../shared/util/result';
import type { DeviceAuth } from '../link/auth';
import { drcDownTopic, drcUpTopic } from './wire';

export interface DrcCredentials {
  readonly gateway: string;
  readonly username: string;
  readonly password: string;
  readonly clientId: string;
  readonly expiresAt: number;
  /** drc_mode_enter data.mqtt_broker, as sent to the device. */
  readonly mqttBroker: {
    readonly address: string;
    readonly client_id: string;
    readonly username: string;
    readonly password: string;
    readonly expire_time: number;
    readonly enable_tls: boolean;
  };
}

export interface IssueInput {
  readonly gateway: string;
  readonly auth: DeviceAuth;
  readonly broker: { host: string; port: number } | null;
  readonly now: number;
  readonly ttlMs: number;
}

export function issueDrcCredentials(i: IssueInput): Result<DrcCredentials> {
  if (i.broker === null) {
    return err(appError('no_embedded_broker', 'DRC needs the embedded broker (Outpost issues the per-session broker login); remote-broker mode cannot mint DRC credentials.'));
  }
  const username = `drc-${i.gateway}-${randomBytes(4).toString('hex')}`;
  const password = randomBytes(24).toString('base64url');
  const expiresAt = i.now + i.ttlMs;
  i.auth.addTemporaryPrincipal({ username, password, expiresAt, publish: [drcUpTopic(i.gateway)], subscribe: [drcDownTopic(i.gateway)] });
  const clientId = `drc-${i.gateway}`;
  return ok({
    gateway: i.gateway,
    username,
    password,
    clientId,
    expiresAt,
    mqttBroker: { address: `${i.broker.host}:${i.broker.port}`, client_id: clientId, username, password, expire_time: Math.floor(expiresAt / 1000), enable_tls: false },
  });
}

/**
 * Extends the principal (same login) once half its lifetime is gone, while the session lives: DJI
 * says expiry must not cut a connected device, and our ACL checks expiry on every publish.
 */
export function renewDrcCredentials(auth: DeviceAuth, c: DrcCredentials, now: number, ttlMs: number): DrcCredentials {
  if (c.expiresAt - now > ttlMs / 2) return c;
  const expiresAt = now + ttlMs;
  auth.addTemporaryPrincipal({ username: c.username, password: c.password, expiresAt, publish: [drcUpTopic(c.gateway)], subscribe: [drcDownTopic(c.gateway)] });
  return { ...c, expiresAt };
}
