/**
 * The ingest names the codec a device pushes (FLV codec ids; enhanced-RTMP FourCCs), so the wall can say that
 * Chromium cannot decode HEVC instead of showing a black tile.
 */
import { describe, expect, it } from 'vitest';
import { Broadcast } from '../../../electron/core/live/ingest/broadcast';
import { videoCodecOf } from '../../../electron/core/live/ingest/codec';
import type { AvPacket } from '../../../electron/core/live/ingest/nms';
import { FakeClock } from '../../helpers/fake-clock';

const fourcc = (s: string): number => Buffer.from(s).readUInt32BE(0);
const video = (codec_id: number, flags: number, data: number[], dts = 0): AvPacket => ({ codec_type: 9, codec_id, flags, dts, pts: dts, size: data.length, data: Buffer.from(data) });

describe('videoCodecOf', () => {
  it('reads legacy FLV ids and enhanced-RTMP FourCCs', () => {
    expect(videoCodecOf(7)).toBe('h264');
    expect(videoCodecOf(12)).toBe('hevc');
    expect(videoCodecOf(fourcc('hvc1'))).toBe('hevc');
    expect(videoCodecOf(fourcc('av01'))).toBe('av1');
    expect(videoCodecOf(fourcc('vp09'))).toBe('vp9');
    expect(videoCodecOf(2)).toBeNull();
  });
});

describe('Broadcast codec and frames', () => {
  it('enhanced-RTMP HEVC: header, keyframe and frames are classified and the codec is hevc', () => {
    const clock = new FakeClock();
    const b = new Broadcast('s', clock, () => undefined);
    // NMS's FLV parser has already classified these (flags 2 header, 3 keyframe, 4 inter frame).
    b.push(video(fourcc('hvc1'), 2, [0x90, 0x68, 0x76, 0x63, 0x31, 1, 2, 3]));
    expect(b.ready).toBe(true);
    b.push(video(fourcc('hvc1'), 3, [0x91, 0x68, 0x76, 0x63, 0x31, 0, 0, 0, 9], 33));
    clock.advance(1000);
    b.push(video(fourcc('hvc1'), 4, [0xa1, 0x68, 0x76, 0x63, 0x31, 0, 0, 0, 9], 66));
    const st = b.stats();
    expect(st.codec).toBe('hevc');
    expect(st.fps).toBe(2);
    expect(st.lastFrameAt).toBe(clock.now());
  });

  it('legacy HEVC (codec id 12, which NMS leaves as "frame"): the sequence header is kept for late viewers', () => {
    const b = new Broadcast('s', new FakeClock(), () => undefined);
    b.push(video(12, 4, [0x1c, 0x00, 0, 0, 0, 1, 2]));
    expect(b.ready).toBe(true);
    b.push(video(12, 4, [0x1c, 0x01, 0, 0, 0, 5]));
    const got: Buffer[] = [];
    b.addViewer({ write: (c) => void got.push(c), backlog: () => 0, end: () => undefined });
    // FLV header, the codec header, then the GOP from the keyframe.
    expect(got).toHaveLength(3);
    expect(b.stats().codec).toBe('hevc');
  });

  it('H.264 is h264', () => {
    const b = new Broadcast('s', new FakeClock(), () => undefined);
    b.push(video(7, 2, [0x17, 0x00, 0, 0, 0, 1]));
    expect(b.stats().codec).toBe('h264');
  });
});
