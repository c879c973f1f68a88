/** Control profiles saved per gamepad id, and the speed mode, in localStorage (validated on load: storage is untrusted). */
import { defaultProfile, validateProfile, type ControlProfile } from '../../../../shared/control/profile';
import { parseSpeedMode, type SpeedMode } from '../../../../shared/control/speed';

const KEY = 'outpost.drc.profile:';
/** The input loop reads the profile 25×/s: keep parsed profiles in memory. */
const cache = new Map<string, ControlProfile>();

export function loadProfile(gamepadId: string): ControlProfile {
  const hit = cache.get(gamepadId);
  if (hit) return hit;
  const p = readProfile(gamepadId);
  cache.set(gamepadId, p);
  return p;
}

function readProfile(gamepadId: string): ControlProfile {
  try {
    const raw = localStorage.getItem(KEY + gamepadId);
    if (raw === null) return defaultProfile();
    const p = validateProfile(JSON.parse(raw));
    if (p.ok) return p.value;
    console.warn(`stored control profile ignored: ${p.error.message}`);
  } catch (e) {
    console.warn('stored control profile unreadable', e);
  }
  return defaultProfile();
}

export function saveProfile(gamepadId: string, p: ControlProfile): void {
  cache.set(gamepadId, p);
  localStorage.setItem(KEY + gamepadId, JSON.stringify(p));
}

/** The speed mode has its own key: cycling it never rewrites a gamepad's calibration. */
const SPEED_KEY = 'outpost.drc.speedMode';

export function loadSpeedMode(): SpeedMode {
  return parseSpeedMode(globalThis.localStorage?.getItem(SPEED_KEY));
}

export function saveSpeedMode(mode: SpeedMode): void {
  globalThis.localStorage?.setItem(SPEED_KEY, mode);
}
