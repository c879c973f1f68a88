/** Shared helpers for the link integration tests: event waiters, a self-signed cert, a free port. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorWithSubackPacket, type MqttClient } from 'mqtt';

/** Resolve with the first value a listener-style source delivers that matches; a guard timeout fails loudly. */
export function waitFor<T>(on: (l: (v: T) => void) => () => void, pred: (v: T) => boolean = () => true, what = 'event', ms = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    const off = on((v) => {
      if (!pred(v)) return;
      clearTimeout(timer);
      off();
      resolve(v);
    });
  });
}

/** A throwaway self-signed certificate for CN=localhost (openssl must be installed). */
export function selfSignedCert(): { cert: Buffer; key: Buffer; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-tls-'));
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1', '-keyout', keyFile, '-out', certFile], {
    stdio: 'pipe',
  });
  return { cert: readFileSync(certFile), key: readFileSync(keyFile), dir };
}

/** A port free right now on 127.0.0.1 (for external processes that cannot report an ephemeral one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** True when something accepts TCP connections on the port (used to prove ports are released). */
export function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** The SUBACK return codes for `filters` (mqtt.js v5 rejects when any is 0x80; the codes are what we assert on). */
export async function grantedQos(c: MqttClient, filters: readonly string[], qos: 0 | 1 | 2 = 1): Promise<number[]> {
  try {
    const granted = await c.subscribeAsync([...filters], { qos });
    return granted.map((g) => g.qos);
  } catch (e) {
    if (e instanceof ErrorWithSubackPacket) return [...(e.packet.granted as number[])];
    throw e;
  }
}
