/** Result codes and step texts the payload commands meet (enums.md §4 ControlErrorCodeEnum; 71.error-code.md). */

/**
 * Codes that mean "the cloud does not hold payload/flight control": 327002 OBTAIN_CONTROL_FAILED, 327012 DEVICE_LOCK
 * (demo ControlErrorCodeEnum), 319030 "Operation failed. No aircraft control" (error-code page). After one of these
 * the core grabs payload authority again and retries once.
 */
export const NO_AUTHORITY_CODES: ReadonlySet<number> = new Set([327002, 327012, 319030]);

/** camera_photo_take_progress `output.progress.current_step` (dock2 110.drc.md "Upload capture progress"). */
const STEPS: Readonly<Record<number, string>> = {
  0: 'Normal',
  3000: 'Panorama not started or finished',
  3002: 'Taking panorama',
  3005: 'Stitching panorama',
};

export const photoStepText = (step: number | null): string => (step === null ? '--' : (STEPS[step] ?? `Step ${step}`));
