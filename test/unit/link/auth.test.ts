import { describe, expect, it } from 'vitest';
import { createDeviceAuth, DEVICE_PRINCIPAL } from '../../../electron/core/link/auth';
import { systemClock, type Clock } from '../../../electron/core/util/clock';
import { Counters } from '../../../electron/core/util/counters';
import { createLogger } from '../../../electron/core/util/log';

const DOCK = '7CTDM3D00BVY4D';
const DRONE = '1581F6Q8D243100BQ2R8';
const OTHER = '4TADKAQ000002H';
const pw = (s: string): Buffer => Buffer.from(s);

function setup(topology: Record<string, readonly string[]> = {}) {
  let now = 1_000_000;
  const clock: Clock = { ...systemClock, now: () => now };
  const lines: string[] = [];
  const counters = new Counters();
  const auth = createDeviceAuth({
    credentials: () => ({ username: 'dock', password: 's3cret' }),
    childrenOf: (sn) => topology[sn] ?? [],
    extraPrincipals: [{ username: 'observer', password: 'watch', publish: [], subscribe: ['thing/product/+/osd'] }],
    logger: createLogger({ level: 'debug', sink: (l) => lines.push(l) }),
    counters,
    clock,
  });
  return { auth, counters, lines, advance: (ms: number) => (now += ms), now: () => now };
}

describe('createDeviceAuth: login', () => {
  it('accepts the configured device credentials only, and counts and logs refusals', () => {
    const { auth, counters, lines } = setup();
    expect(auth.authenticate(DOCK, 'dock', pw('s3cret'))).toBe(DEVICE_PRINCIPAL);
    expect(auth.authenticate(DOCK, 'dock', pw('wrong'))).toBeNull();
    expect(auth.authenticate(DOCK, 'nobody', pw('s3cret'))).toBeNull();
    expect(auth.authenticate(DOCK, 'dock', pw('s3cret-longer'))).toBeNull();
    expect(auth.authenticate(DOCK, null, null)).toBeNull();
    expect(counters.get('link.auth.refused')).toBe(4);
    expect(lines.filter((l) => l.includes('broker login refused'))).toHaveLength(4);
  });

  it('extra principals log in and are limited to their allow-list', () => {
    const { auth } = setup();
    const p = auth.authenticate('obs', 'observer', pw('watch'));
    expect(p).toBe('extra:observer');
    expect(auth.canSubscribe('obs', p!, 'thing/product/+/osd')).toBe(true);
    expect(auth.canSubscribe('obs', p!, 'thing/product/+/services')).toBe(false);
    expect(auth.canPublish('obs', p!, `thing/product/${DOCK}/osd`)).toBe(false);
  });
});

describe('createDeviceAuth: device ACL', () => {
  it('binds an SN client id to its gateway and allows its children from the topology', () => {
    const { auth, counters } = setup({ [DOCK]: [DRONE] });
    const p = auth.authenticate(DOCK, 'dock', pw('s3cret'))!;
    expect(auth.bindingOf(DOCK)).toBe(DOCK);
    expect(auth.canPublish(DOCK, p, `thing/product/${DOCK}/osd`)).toBe(true);
    expect(auth.canPublish(DOCK, p, `thing/product/${DRONE}/osd`)).toBe(true);
    expect(auth.canPublish(DOCK, p, `thing/product/${OTHER}/osd`)).toBe(false);
    expect(auth.canSubscribe(DOCK, p, `thing/product/${OTHER}/services`)).toBe(false);
    expect(auth.canSubscribe(DOCK, p, 'thing/product/+/services')).toBe(false);
    expect(counters.get('link.acl.publish_refused')).toBe(1);
    expect(counters.get('link.acl.subscribe_refused')).toBe(2);
  });

  it('binds a non-SN client id on its first device topic', () => {
    const { auth } = setup();
    const p = auth.authenticate('pilot-abc', 'dock', pw('s3cret'))!;
    expect(auth.bindingOf('pilot-abc')).toBeNull();
    expect(auth.canPublish('pilot-abc', p, `sys/product/${OTHER}/status`)).toBe(true);
    expect(auth.bindingOf('pilot-abc')).toBe(OTHER);
    expect(auth.canPublish('pilot-abc', p, `thing/product/${DOCK}/osd`)).toBe(false);
  });

  it("learns children from the gateway's own update_topo and replaces them on the next one", () => {
    const { auth } = setup();
    const p = auth.authenticate(DOCK, 'dock', pw('s3cret'))!;
    expect(auth.canPublish(DOCK, p, `thing/product/${DRONE}/osd`)).toBe(false);
    const topo = (subs: string[]) =>
      Buffer.from(JSON.stringify({ tid: 't', bid: 'b', timestamp: 1, method: 'update_topo', data: { sub_devices: subs.map((sn) => ({ sn })) } }));
    expect(auth.canPublish(DOCK, p, `sys/product/${DOCK}/status`, topo([DRONE]))).toBe(true);
    expect(auth.canPublish(DOCK, p, `thing/product/${DRONE}/osd`)).toBe(true);
    expect(auth.canPublish(DOCK, p, `sys/product/${DOCK}/status`, topo([]))).toBe(true);
    expect(auth.canPublish(DOCK, p, `thing/product/${DRONE}/osd`)).toBe(false);
  });

  it('logs a repeated refusal once per connection but counts every one', () => {
    const { auth, counters, lines } = setup();
    const p = auth.authenticate(DOCK, 'dock', pw('s3cret'))!;
    for (let i = 0; i < 5; i++) auth.canPublish(DOCK, p, `thing/product/${OTHER}/osd`);
    expect(counters.get('link.acl.publish_refused')).toBe(5);
    expect(lines.filter((l) => l.includes('broker publish refused'))).toHaveLength(1);
  });

  it('forget drops the binding; a new login starts a fresh one', () => {
    const { auth } = setup();
    const p = auth.authenticate('pilot', 'dock', pw('s3cret'))!;
    auth.canPublish('pilot', p, `sys/product/${DOCK}/status`);
    expect(auth.bindingOf('pilot')).toBe(DOCK);
    auth.forget!('pilot');
    expect(auth.bindingOf('pilot')).toBeNull();
    auth.authenticate('pilot', 'dock', pw('s3cret'));
    expect(auth.canPublish('pilot', p, `sys/product/${OTHER}/status`)).toBe(true);
    expect(auth.bindingOf('pilot')).toBe(OTHER);
  });
});

describe('createDeviceAuth: temporary principals (DRC)', () => {
  const drc = (expiresAt: number) => ({
    username: DOCK,
    password: 'jwt-ish',
    expiresAt,
    publish: [`thing/product/${DOCK}/drc/up`],
    subscribe: [`thing/product/${DOCK}/drc/down`],
  });

  it('logs in until expiry and only on its allow-list', () => {
    const t = setup();
    t.auth.addTemporaryPrincipal(drc(t.now() + 60_000));
    const p = t.auth.authenticate('drc-1', DOCK, pw('jwt-ish'));
    expect(p).toBe(`temp:${DOCK}`);
    expect(t.auth.canPublish('drc-1', p!, `thing/product/${DOCK}/drc/up`)).toBe(true);
    expect(t.auth.canSubscribe('drc-1', p!, `thing/product/${DOCK}/drc/down`)).toBe(true);
    expect(t.auth.canPublish('drc-1', p!, `thing/product/${DOCK}/osd`)).toBe(false);
    expect(t.auth.canSubscribe('drc-1', p!, `thing/product/${DOCK}/services`)).toBe(false);
    expect(t.auth.authenticate('drc-2', DOCK, pw('nope'))).toBeNull();
  });

  it('refuses login and traffic from the expiry instant on (injected clock)', () => {
    const t = setup();
    t.auth.addTemporaryPrincipal(drc(t.now() + 1000));
    const p = t.auth.authenticate('drc-1', DOCK, pw('jwt-ish'))!;
    t.advance(999);
    expect(t.auth.canPublish('drc-1', p, `thing/product/${DOCK}/drc/up`)).toBe(true);
    t.advance(1);
    expect(t.auth.canPublish('drc-1', p, `thing/product/${DOCK}/drc/up`)).toBe(false);
    expect(t.auth.authenticate('drc-2', DOCK, pw('jwt-ish'))).toBeNull();
    expect(t.lines.some((l) => l.includes('temporary broker principal expired'))).toBe(true);
  });

  it('removeTemporaryPrincipal revokes at once', () => {
    const t = setup();
    t.auth.addTemporaryPrincipal(drc(t.now() + 60_000));
    const p = t.auth.authenticate('drc-1', DOCK, pw('jwt-ish'))!;
    expect(t.auth.removeTemporaryPrincipal(DOCK)).toBe(true);
    expect(t.auth.removeTemporaryPrincipal(DOCK)).toBe(false);
    expect(t.auth.canPublish('drc-1', p, `thing/product/${DOCK}/drc/up`)).toBe(false);
    expect(t.auth.authenticate('drc-2', DOCK, pw('jwt-ish'))).toBeNull();
  });
});
