/**
 * The RTMP wire protocol (handshake incl. the digest variant, chunk streams, AMF0 commands) and the FLV tag
 * codec, borrowed from node-media-server@4's protocol layer. Outpost runs its own server around them (see
 * docs/LIVE.md): NMS's server keeps global state, writes a store to the working directory and calls
 * process.exit on a busy port, none of which an embedded engine can accept.
 */
import { createRequire } from 'node:module';

export interface AvPacket {
  /** 8 audio, 9 video, 18 script. */
  readonly codec_type: number;
  /** FLV codec id (7 H.264, 12 HEVC legacy) or the enhanced-RTMP FourCC as an int. */
  readonly codec_id: number;
  /** 0 audio header, 1 audio/inter frame, 2 video header, 3 keyframe, 4 inter frame, 5 metadata. */
  readonly flags: number;
  readonly dts: number;
  readonly pts: number;
  readonly size: number;
  readonly data: Buffer;
}

export interface RtmpConnectRequest {
  readonly app: string;
  readonly name: string;
  readonly host: string;
  readonly query: Readonly<Record<string, string | string[] | undefined>>;
}

export interface RtmpProtocol {
  onConnectCallback: (req: RtmpConnectRequest) => void;
  onPlayCallback: () => void;
  onPushCallback: () => void;
  onPacketCallback: (p: AvPacket) => void;
  onOutputCallback: (b: Buffer) => void;
  /** Feed socket bytes; returns an error text when the stream is malformed. */
  parserData(b: Buffer): string | null;
}

const require = createRequire(import.meta.url);
// NMS's protocol files log through one shared logger that defaults to "debug" on stdout.
(require('node-media-server/src/core/logger.js') as { level: string }).level = 'error';
const RtmpCtor = require('node-media-server/src/protocol/rtmp.js') as new () => RtmpProtocol;
const FlvCodec = require('node-media-server/src/protocol/flv.js') as { createHeader(a: boolean, v: boolean): Buffer; createMessage(p: AvPacket): Buffer };
const Amf = require('node-media-server/src/protocol/amf.js') as { decodeAmf0Data(b: Buffer): { cmd?: string; dataObj?: Record<string, unknown> | null } };

export const newRtmpProtocol = (): RtmpProtocol => new RtmpCtor();
export const flvHeader = (hasAudio: boolean, hasVideo: boolean): Buffer => FlvCodec.createHeader(hasAudio, hasVideo);
export const flvTag = (p: AvPacket): Buffer => FlvCodec.createMessage(p);

/** `@setDataFrame onMetaData {width, height, framerate, …}` → its object, or null. */
export function decodeMetadata(data: Buffer): Record<string, unknown> | null {
  try {
    const m = Amf.decodeAmf0Data(data);
    return m.dataObj ?? null;
  } catch {
    return null;
  }
}
