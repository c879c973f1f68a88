/** decode(topic, payload) → a typed Message or a typed DecodeError; never throws (runs for every MQTT message). */
import { drcEnvelopeSchema, envelopeSchema } from './envelope';
import { issuesText } from './issues';
import { checkObject, checkProperties, methodCheck, type DataCheck, type MethodFamily } from './method-registry';
import { parseTopic } from './topics';
import type { DecodeError, DecodeErrorCode, DecodeOptions, DecodeResult, Envelope, Message, ParsedTopic, TopicFamily } from './types';

export const DEFAULT_MAX_BYTES = 256 * 1024;

const utf8 = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();

const METHOD_FAMILIES: ReadonlySet<TopicFamily> = new Set<MethodFamily>([
  'services',
  'services_reply',
  'events',
  'events_reply',
  'requests',
  'requests_reply',
  'status',
  'status_reply',
  'drc/up',
  'drc/down',
]);

function fail(code: DecodeErrorCode, topic: string, reason: string, extra: Partial<DecodeError> = {}): DecodeResult {
  return { ok: false, error: { code, topic, reason, ...extra } };
}

/** Byte size without encoding when the answer is obvious (a UTF-16 unit is 1–3 UTF-8 bytes). */
function tooBig(payload: Uint8Array | string, max: number): number | null {
  if (typeof payload !== 'string') return payload.byteLength > max ? payload.byteLength : null;
  if (payload.length > max) return payload.length;
  if (payload.length * 3 <= max) return null;
  const bytes = utf8Encoder.encode(payload).byteLength;
  return bytes > max ? bytes : null;
}

function dataCheckFor(family: TopicFamily, method: string | undefined): DataCheck | undefined {
  if (family === 'osd' || family === 'state') return checkProperties;
  if (!METHOD_FAMILIES.has(family)) return checkObject;
  return methodCheck(family as MethodFamily, method ?? '');
}

/** Decode one MQTT message. `payload` is the raw bytes (or text) as received. */
export function decode(topic: string, payload: Uint8Array | string, opts: DecodeOptions = {}): DecodeResult {
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const size = tooBig(payload, max);
  if (size !== null) return fail('oversize', topic, `payload is ${size} bytes, limit is ${max}`);

  const parsed: ParsedTopic | null = parseTopic(topic);
  if (!parsed) return fail('bad_topic', topic, 'not a DJI Cloud API topic (thing/product/{sn}/… or sys/product/{sn}/status…)');
  const where = { sn: parsed.sn, family: parsed.family };

  let json: unknown;
  try {
    json = JSON.parse(typeof payload === 'string' ? payload : utf8.decode(payload));
  } catch (e) {
    return fail('malformed_json', topic, `not JSON: ${e instanceof Error ? e.message : String(e)}`, where);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return fail('malformed_json', topic, `expected a JSON object, got ${Array.isArray(json) ? 'array' : json === null ? 'null' : typeof json}`, where);
  }

  const isDrc = parsed.family === 'drc/up' || parsed.family === 'drc/down';
  const env = (isDrc ? drcEnvelopeSchema : envelopeSchema).safeParse(json);
  if (!env.success) return fail('bad_envelope', topic, issuesText('', json, env.error), where);
  const envelope = env.data as Envelope;
  const needsMethod = METHOD_FAMILIES.has(parsed.family);
  if (needsMethod && envelope.method === undefined) {
    return fail('bad_envelope', topic, `method: required on ${parsed.family} messages`, where);
  }

  const check = dataCheckFor(parsed.family, envelope.method);
  if (!check) {
    return fail('unknown_method', topic, `method "${envelope.method}" is not a known ${parsed.family} method`, { ...where, envelope });
  }
  const data = check(envelope.data);
  if (!data.ok) {
    const prefix = needsMethod ? `${envelope.method}: ` : '';
    return fail('invalid_data', topic, prefix + data.reason, { ...where, envelope });
  }
  const finalEnvelope: Envelope = data.data === envelope.data ? envelope : { ...envelope, data: data.data };
  return { ok: true, message: toMessage(parsed, topic, finalEnvelope) };
}

/** Assemble the typed message; the data checks above guarantee the shapes claimed here. */
function toMessage(parsed: ParsedTopic, topic: string, envelope: Envelope): Message {
  const base = { family: parsed.family, sn: parsed.sn, topic, envelope, data: envelope.data };
  switch (parsed.family) {
    case 'events':
      return { ...base, family: 'events', method: envelope.method ?? '', needReply: envelope.need_reply === 1 } as Message;
    case 'drc/up':
      return (envelope.seq === undefined
        ? { ...base, method: envelope.method ?? '' }
        : { ...base, method: envelope.method ?? '', seq: envelope.seq }) as Message;
    case 'status':
    case 'requests':
    case 'services_reply':
      return { ...base, method: envelope.method ?? '' } as Message;
    default:
      return (envelope.method === undefined ? base : { ...base, method: envelope.method }) as Message;
  }
}
