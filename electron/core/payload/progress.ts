/** `camera_photo_take_progress` events (dock2 110.drc.md "Upload capture progress") → readable progress for the UI. */
import { errorText } from '../../../shared/protocol';
import { photoStepText, type PhotoProgress } from '../../../shared/protocol/payload';

const rec = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function photoProgressOf(gateway: string, data: unknown): PhotoProgress {
  const d = rec(data);
  const output = rec(d.output);
  const progress = rec(output.progress);
  const result = num(d.result) ?? 0;
  const currentStep = num(progress.current_step);
  return {
    gateway,
    status: typeof output.status === 'string' ? output.status : 'unknown',
    percent: num(progress.percent),
    currentStep,
    stepText: photoStepText(currentStep),
    result,
    resultText: errorText(result),
  };
}
