/** A size in the interface's language and units ("1.4 MB", "١٫٤ ميغابايت"). */
export function formatBytes(bytes: number, lang: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: units[unit],
    maximumFractionDigits: 1,
    unitDisplay: 'short',
  }).format(value);
}
