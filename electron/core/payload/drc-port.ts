/**
 * The DRC link as the payload feature needs it. The DRC session (electron/core/drc) owns drc/down and its `seq`;
 * it hands this port to the payload feature as `ctx.drc` (see feature.ts). Until it does, nothing is "in DRC"
 * and every payload command goes on `services`.
 */
import type { Result } from '../../../shared/util/result';
import { appError, err, ok } from '../../../shared/util/result';
import type { Clock } from '../util/clock';

export interface PayloadDrcPort {
  /** True while `gateway` is in DRC mode (after drc_mode_enter succeeded, before exit or link loss). */
  isInDrc(gateway: string): boolean;
  /** Publish `{method, data, seq}` on thing/product/{gateway}/drc/down with the session's own seq. */
  publishDrc(gateway: string, method: string, data: unknown): Promise<void>;
}

export const NOT_IN_DRC: PayloadDrcPort = {
  isInDrc: () => false,
  publishDrc: () => Promise.reject(new Error('no DRC session')),
};

type DrcUpSource = (listener: (gateway: string, method: string, data: unknown, seq: number | undefined) => void) => () => void;

/**
 * Sends a drc_* payload command and waits for its drc/up answer `{result}` with the same method
 * (dji-rc-plus-2 remote-control.md: each drc/down payload command is answered on drc/up under its own name).
 */
export async function callDrc(
  port: PayloadDrcPort,
  onDrcUp: DrcUpSource,
  clock: Clock,
  gateway: string,
  method: string,
  data: unknown,
  timeoutMs: number,
): Promise<Result<{ result: number; output: unknown }>> {
  let off: () => void = () => {};
  const answer = new Promise<Result<{ result: number; output: unknown }>>((resolve) => {
    const timer = clock.setTimeout(() => {
      off();
      resolve(err(appError('timeout', `${method} to ${gateway}: no drc/up answer within ${timeoutMs} ms`)));
    }, timeoutMs);
    off = onDrcUp((gw, m, d) => {
      if (gw !== gateway || m !== method) return;
      clock.clearTimeout(timer);
      off();
      const rec = (typeof d === 'object' && d !== null ? d : {}) as { result?: unknown; output?: unknown };
      resolve(ok({ result: typeof rec.result === 'number' ? rec.result : -1, output: rec.output ?? null }));
    });
  });
  try {
    await port.publishDrc(gateway, method, data);
  } catch (e) {
    off();
    return err(appError('publish_failed', `${method} to ${gateway}: could not publish on drc/down (${e instanceof Error ? e.message : String(e)})`));
  }
  return answer;
}
