/** Temperatures as the operator wants them: the aircraft reports °C (ir_metering_*, thermal_* fields). */
export type TempUnit = 'C' | 'F';

export function formatTemp(celsius: number | undefined, unit: TempUnit): string {
  if (celsius === undefined || !Number.isFinite(celsius)) return '--';
  const v = unit === 'F' ? (celsius * 9) / 5 + 32 : celsius;
  return `${v.toFixed(1)} °${unit}`;
}
