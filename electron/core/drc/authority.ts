/**
 * Notices when someone else takes flight control. Dock aircraft report `control_source` ("A"/"B"
 * for the RC, an id for a cloud client; m3d-properties "control_source"); Pilot 2 reports
 * `cloud_control_auth` (the keys granted to the cloud). The value seen when our authority was
 * granted is ours; any later different value means it was taken away.
 */
export interface AuthorityWatch {
  /** Our authority was granted; `current` is the signal at that moment (null: not reported yet). */
  arm(current: string | null): void;
  /** A new signal value; returns a sentence when it shows we lost authority, else null. */
  observe(value: string | null): string | null;
}

export function createAuthorityWatch(): AuthorityWatch {
  let armed = false;
  let ours: string | null = null;
  return {
    arm(current) {
      armed = true;
      ours = current;
    },
    observe(value) {
      if (!armed || value === null) return null;
      if (ours === null) {
        ours = value; // the first report after the grant is ours
        return null;
      }
      return value === ours ? null : `control moved from "${ours}" to "${value}" (another operator or the remote controller took over).`;
    },
  };
}
