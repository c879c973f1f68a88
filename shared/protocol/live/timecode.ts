/**
 * The simulator's burned-in send time: a row of 32 black/white blocks at the top-left of each frame, bit i
 * (from the left) = bit i of the capture time in epoch ms. Reading it back from a shown frame gives the
 * glass-to-glass delay without OCR. Real cameras have no such row: the decoder then returns null.
 */
export const TIME_BITS = 32;

/** Block edge in pixels at this frame width. */
export const timeBlock = (width: number): number => Math.max(4, Math.floor(width / 40));

/**
 * `luma(x, y)` samples the frame (0–255) in its own pixel coordinates. Returns the epoch ms the frame was
 * captured, unwrapped around `now`, or null when the row does not look like a time code.
 */
export function decodeTimecode(width: number, luma: (x: number, y: number) => number, now: number): number | null {
  const b = timeBlock(width);
  let low = 0;
  for (let i = 0; i < TIME_BITS; i++) {
    const v = luma(i * b + b / 2, b / 2);
    // Compressed blocks are near 16 or 235; anything mid-grey is not our code.
    if (v > 80 && v < 170) return null;
    if (v >= 170) low += 2 ** i;
  }
  const span = 2 ** TIME_BITS;
  const t = now - ((((now - low) % span) + span) % span);
  // Plausible only if captured in the last minute.
  return now - t <= 60_000 ? t : null;
}
