/** S3 error answers (ErrorResponses.html): an HTTP status, S3's error code, and one human sentence. */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

export interface S3Error {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

export const s3err = (status: number, code: string, message: string): S3Error => ({ status, code, message });

export const escXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function xml(tag: string, fields: Readonly<Record<string, string | number>>): string {
  const inner = Object.entries(fields)
    .map(([k, v]) => `<${k}>${escXml(String(v))}</${k}>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${tag} xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${inner}</${tag}>`;
}

export function sendXml(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body), 'x-amz-request-id': requestId(), ...headers });
  res.end(body);
}

export function sendError(res: ServerResponse, e: S3Error, resource: string, head = false): void {
  if (res.headersSent) return void res.destroy();
  const body = head ? '' : `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${e.code}</Code><Message>${escXml(e.message)}</Message><Resource>${escXml(resource)}</Resource><RequestId>${requestId()}</RequestId></Error>`;
  res.writeHead(e.status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body), 'x-amz-request-id': requestId() });
  res.end(body);
}

const requestId = (): string => randomBytes(8).toString('hex').toUpperCase();
