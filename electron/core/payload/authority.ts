/**
 * Which payloads this platform holds control of, per gateway. A dock obeys payload commands from the cloud only
 * after `payload_authority_grab` (dock2 110.drc.md "Payload control authority grab"); we grab once per
 * gateway + payload index and again after a "no control" refusal, and forget when the gateway goes offline.
 */
export class PayloadAuthority {
  private readonly held = new Set<string>();

  has(gateway: string, payloadIndex: string): boolean {
    return this.held.has(key(gateway, payloadIndex));
  }

  grant(gateway: string, payloadIndex: string): void {
    this.held.add(key(gateway, payloadIndex));
  }

  revoke(gateway: string, payloadIndex: string): void {
    this.held.delete(key(gateway, payloadIndex));
  }

  forgetGateway(gateway: string): void {
    for (const k of [...this.held]) if (k.startsWith(`${gateway}\u0000`)) this.held.delete(k);
  }
}

const key = (gateway: string, payloadIndex: string): string => `${gateway}\u0000${payloadIndex}`;
