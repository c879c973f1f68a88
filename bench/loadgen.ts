/**
 * Load generator (child process): N docks, each with one aircraft, over real MQTT.
 * steady: each dock publishes its own OSD and its aircraft's OSD at --hz.
 * flood: --connections clients publish aircraft OSD at QoS 0 as fast as the broker takes it.
 * Every OSD carries `bench_sent_at` (ms, high resolution) so the receiver can measure delay.
 * Prints one JSON line with what it sent, then exits.
 */
import { parseArgs } from 'node:util';
import mqtt, { type MqttClient } from 'mqtt';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    user: { type: 'string', default: '' },
    pass: { type: 'string', default: '' },
    docks: { type: 'string', default: '1000' },
    hz: { type: 'string', default: '1' },
    seconds: { type: 'string', default: '10' },
    mode: { type: 'string', default: 'steady' },
    connections: { type: 'string', default: '4' },
    topo: { type: 'boolean', default: false },
  },
});
const url = values.url!;
const docks = Number(values.docks);
const hz = Number(values.hz);
const seconds = Number(values.seconds);
const now = (): number => performance.timeOrigin + performance.now();
const sn = (i: number) => `BENCHDOCK${String(i).padStart(5, '0')}`;
const asn = (i: number) => `BENCHAIR${String(i).padStart(6, '0')}`;

function connect(clientId: string): Promise<MqttClient> {
  return new Promise((res, rej) => {
    const c = mqtt.connect(url, { clientId, username: values.user || undefined, password: values.pass || undefined, reconnectPeriod: 0, connectTimeout: 30_000, keepalive: 120 });
    c.once('connect', () => {
      (c.stream as unknown as { setNoDelay?: (b: boolean) => void }).setNoDelay?.(true);
      res(c);
    });
    c.once('error', rej);
  });
}

const osd = (i: number, t: number, aircraft: boolean): string =>
  JSON.stringify({
    tid: `t${i}-${t}`,
    bid: `b${i}`,
    timestamp: Math.floor(t),
    gateway: sn(i),
    data: aircraft
      ? { latitude: 22.5 + (i % 100) * 0.01, longitude: 113.9 + Math.floor(i / 100) * 0.01, height: 100 + (t % 10), elevation: 60, attitude_head: 90, horizontal_speed: 10, vertical_speed: 0, mode_code: 5, battery: { capacity_percent: 80, remain_flight_time: 1000, return_home_power: 20, landing_power: 10 }, bench_sent_at: t }
      : { latitude: 22.5 + (i % 100) * 0.01, longitude: 113.9 + Math.floor(i / 100) * 0.01, height: 30, mode_code: 4, drone_in_dock: 0, temperature: 24, humidity: 60, bench_sent_at: t },
  });

async function steady(): Promise<void> {
  const clients: MqttClient[] = [];
  for (let i = 0; i < docks; i += 50) {
    const batch = await Promise.all(Array.from({ length: Math.min(50, docks - i) }, (_, k) => connect(sn(i + k))));
    clients.push(...batch);
  }
  // Bring-up: update_topo so the dock's aircraft is its child (the broker ACL allows its topics).
  await Promise.all(
    clients.map((c, i) =>
      c.publishAsync(
        `sys/product/${sn(i)}/status`,
        JSON.stringify({ tid: `topo${i}`, bid: `topo${i}`, timestamp: Date.now(), method: 'update_topo', data: { domain: '3', type: 2, sub_type: 0, device_secret: 's', nonce: 'n', thing_version: '1', sub_devices: [{ sn: asn(i), domain: '0', type: 91, sub_type: 1, index: 'A', device_secret: 's', nonce: 'n', thing_version: '1' }] } }),
        { qos: 1 },
      ),
    ),
  );
  process.stdout.write(JSON.stringify({ phase: 'ready' }) + '\n');
  const periodMs = 1000 / hz;
  let sent = 0;
  const start = now();
  const end = start + seconds * 1000;
  // Spread devices evenly over the period, like real docks that booted at different times.
  await new Promise<void>((done) => {
    let tick = 0;
    const slots = 100;
    const timer = setInterval(() => {
      const slot = tick % slots;
      tick++;
      if (now() >= end) {
        clearInterval(timer);
        return done();
      }
      for (let i = slot; i < docks; i += slots) {
        const t = now();
        clients[i]!.publish(`thing/product/${sn(i)}/osd`, osd(i, t, false), { qos: 0 });
        clients[i]!.publish(`thing/product/${asn(i)}/osd`, osd(i, t, true), { qos: 0 });
        sent += 2;
      }
    }, periodMs / slots);
  });
  process.stdout.write(JSON.stringify({ phase: 'done', sent, seconds: (now() - start) / 1000 }) + '\n');
  await Promise.all(clients.map((c) => c.endAsync()));
}

async function flood(): Promise<void> {
  const n = Number(values.connections);
  const clients = await Promise.all(Array.from({ length: n }, (_, k) => connect(sn(k))));
  await Promise.all(
    clients.map((c, i) =>
      c.publishAsync(`sys/product/${sn(i)}/status`, JSON.stringify({ tid: `topo${i}`, bid: `topo${i}`, timestamp: Date.now(), method: 'update_topo', data: { domain: 3, type: 2, sub_type: 0, sub_devices: [{ sn: asn(i), domain: 0, type: 91, sub_type: 1, index: 'A' }] } }), { qos: 1 }),
    ),
  );
  process.stdout.write(JSON.stringify({ phase: 'ready' }) + '\n');
  const start = now();
  const end = start + seconds * 1000;
  let sent = 0;
  // Publish in bursts and yield whenever the socket buffers, so TCP backpressure sets the pace.
  await Promise.all(
    clients.map(
      (c, i) =>
        new Promise<void>((done) => {
          const pump = (): void => {
            while (now() < end) {
              for (let k = 0; k < 200; k++) {
                c.publish(`thing/product/${asn(i)}/osd`, osd(i, now(), true), { qos: 0 });
                sent++;
              }
              // Wait for the socket to drain: a timer would let the outbox grow without bound and the
              // measured delay would then be the generator's own queue, not the broker's.
              const s = c.stream as unknown as { writableLength: number; once(e: 'drain', f: () => void): void };
              if (s.writableLength > 64 * 1024) return void s.once('drain', pump);
            }
            done();
          };
          pump();
        }),
    ),
  );
  process.stdout.write(JSON.stringify({ phase: 'done', sent, seconds: (now() - start) / 1000 }) + '\n');
  await Promise.all(clients.map((c) => c.endAsync()));
}

(values.mode === 'flood' ? flood() : steady()).then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(String(e) + '\n');
    process.exit(1);
  },
);
