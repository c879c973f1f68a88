/** The API token: given with --api-token, else kept in the data directory, else made once. */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function resolveApiToken(dataDir: string, given: string | undefined): string {
  const file = join(dataDir, 'api-token');
  if (given) {
    writeFileSync(file, given + '\n', { mode: 0o600 });
    return given;
  }
  if (existsSync(file)) {
    const t = readFileSync(file, 'utf8').trim();
    if (t.length >= 8) return t;
  }
  const t = randomBytes(24).toString('base64url');
  writeFileSync(file, t + '\n', { mode: 0o600 });
  return t;
}
