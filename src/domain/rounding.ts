// Rounding and Norwegian number formatting. Colours follow the figure shown, so the figure must be
// rounded the same way everywhere and must not depend on binary floating-point noise.

/**
 * Significant digits kept when cleaning floating-point noise. Binary noise sits in the 16th-17th
 * significant digit (14 / 100 * 100 = 14.000000000000002); 12 digits removes it while keeping
 * every digit an indicator figure shows (a value of 1 000 000 000 still keeps 3 decimals).
 */
const NOISE_FREE_DIGITS = 12;

const MAX_DECIMALS = 12;

/** Removes binary floating-point noise: 0.1 + 0.2 -> 0.3, 1.005 * 100 -> 100.5. */
export function cleanFloatNoise(value: number): number {
  if (Number.isInteger(value) && Math.abs(value) < 1e12) return value + 0; // nothing to clean, and common
  if (!Number.isFinite(value)) {
    throw new RangeError(`Cannot clean a non-finite number: ${value}`);
  }
  // `+ 0` turns -0 into 0 so that no "-0" is ever shown.
  return Number(value.toPrecision(NOISE_FREE_DIGITS)) + 0;
}

/**
 * Rounds half away from zero (0.145 -> 0.15, -0.145 -> -0.15, 1.005 -> 1.01), as people round
 * by hand, after cleaning the noise that makes 1.005 really 1.00499999999999989...
 */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  checkDecimals(decimals);
  const cleaned = cleanFloatNoise(value);
  // Cleaned to 12 significant digits, a value of 10^12 or more is whole: rounding changes nothing,
  // and scaling it by 10^decimals could overflow to Infinity.
  if (Math.abs(cleaned) >= 1e12) return cleaned;
  const factor = 10 ** decimals;
  // Scaling can bring new noise back (0.145 * 100 = 14.499999999999998); clean it again.
  const scaled = cleanFloatNoise(Math.abs(cleaned) * factor);
  const rounded = Math.round(scaled) / factor;
  return cleaned < 0 ? -rounded + 0 : rounded;
}

/**
 * Norwegian number format: decimal comma, digits grouped in threes, e.g. `48,5`, `1 234,5`.
 * Decision: the group separator is a NO-BREAK SPACE (U+00A0), as Intl's nb-NO uses, so a figure never
 * wraps across lines; the minus is a plain hyphen-minus so figures paste cleanly into Excel.
 */
export function formatNumberNb(value: number, decimals: number): string {
  return formatRoundedNb(roundHalfAwayFromZero(value, decimals), decimals);
}

/** formatNumberNb for a value already rounded to `decimals` by roundHalfAwayFromZero. */
export function formatRoundedNb(rounded: number, decimals: number): string {
  // toFixed on the already-rounded value only pads zeros; it never rounds a second time.
  const [integerPart = "0", fractionPart] = Math.abs(rounded).toFixed(decimals).split(".");
  const grouped = integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, NO_BREAK_SPACE);
  const sign = rounded < 0 ? "-" : "";
  return fractionPart === undefined ? `${sign}${grouped}` : `${sign}${grouped},${fractionPart}`;
}

export const NO_BREAK_SPACE = "\u00a0";

function checkDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new RangeError(`Invalid number of decimals ${decimals}: must be a whole number 0-${MAX_DECIMALS}`);
  }
}
