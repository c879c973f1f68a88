/**
 * One simulated camera's RTMP push: ffmpeg's `testsrc2` pattern, H.264 (zero-latency, 1 s GOP, no B-frames),
 * with the send time burned in twice: as text (`%{localtime}`) for people and as a row of 32 black/white
 * blocks (epoch ms, low 32 bits, bit 0 leftmost) for machines (bench/live.ts reads it back from a canvas).
 * Children are tracked so none outlives its simulator, even on an abrupt exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { TIME_BITS, timeBlock } from '../../../../shared/protocol/live/timecode';

export interface PushSpec {
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly kbps: number;
  readonly ffmpeg?: string;
}

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf';

export function filterGraph(s: Pick<PushSpec, 'width'>): string {
  const b = timeBlock(s.width);
  const boxes = [`drawbox=x=0:y=0:w=${b * TIME_BITS}:h=${b}:color=black:t=fill`];
  // time(0) is ffmpeg's wall clock, evaluated as each frame passes the filter, i.e. at capture.
  for (let i = 0; i < TIME_BITS; i++) boxes.push(`drawbox=x=${i * b}:y=0:w=${b}:h=${b}:color=white:t=fill:enable='mod(floor(time(0)*1000/${2 ** i}),2)'`);
  if (existsSync(FONT)) boxes.push(`drawtext=fontfile=${FONT}:text='%{localtime}':x=8:y=${b + 8}:fontsize=${Math.max(12, Math.floor(s.width / 40))}:fontcolor=white:box=1:boxcolor=black@0.6`);
  return boxes.join(',');
}

export function ffmpegArgs(s: PushSpec): string[] {
  return [
    '-hide_banner', '-loglevel', 'error', '-nostdin',
    '-re', '-f', 'lavfi', '-i', `testsrc2=s=${s.width}x${s.height}:r=${s.fps}`,
    '-vf', filterGraph(s),
    '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-bf', '0',
    '-g', String(s.fps), '-b:v', `${s.kbps}k`, '-maxrate', `${s.kbps}k`, '-bufsize', `${Math.max(1, Math.floor(s.kbps / 2))}k`,
    '-f', 'flv', s.url,
  ];
}

const children = new Set<ChildProcess>();
let exitHook = false;

/** Spawns the push; `onExit` gets the exit code (null when killed). */
export function spawnPush(s: PushSpec, onExit: (code: number | null, stderr: string) => void): ChildProcess {
  if (!exitHook) {
    exitHook = true;
    process.once('exit', () => {
      for (const c of children) c.kill('SIGKILL');
    });
  }
  const child = spawn(s.ffmpeg ?? 'ffmpeg', ffmpegArgs(s), { stdio: ['ignore', 'ignore', 'pipe'] });
  children.add(child);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  child.on('error', (e) => (stderr += String(e)));
  child.on('close', (code) => {
    children.delete(child);
    onExit(code, stderr);
  });
  return child;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
export function killPush(child: ChildProcess, graceMs = 2000): Promise<void> {
  // Gone means 'close' ran (stdio drained, untracked): an exit code alone can precede it.
  if (!children.has(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('close', () => {
      clearTimeout(hard);
      resolve();
    });
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  });
}

export const livePushCount = (): number => children.size;
