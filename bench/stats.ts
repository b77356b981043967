import { cpus, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';

/** Median of the values (mean of the middle two for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** 95th percentile, nearest-rank: the smallest value with at least 95% of the values at or below it. */
export function p95(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.ceil(0.95 * s.length) - 1]!;
}

/** Runs `run` once as a warm-up (result discarded), then `reps` times; returns the kept results. */
export async function repeat<T>(reps: number, run: (i: number) => Promise<T>): Promise<T[]> {
  await run(-1);
  const kept: T[] = [];
  for (let i = 0; i < reps; i++) kept.push(await run(i));
  return kept;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  chromium: string;
  node: string;
  os: string;
}

export function describeMachine(chromium: string): Machine {
  let os = `${process.platform} ${process.arch}`;
  try {
    os = execFileSync('sh', ['-c', '. /etc/os-release && echo "$PRETTY_NAME"'], { encoding: 'utf8' }).trim() || os;
  } catch {
    /* keep the platform name */
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    chromium,
    node: process.version,
    os,
  };
}
