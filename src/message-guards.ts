/**
 * Run-time checks of message arguments. Messages cross from other contexts (a content script lives in a page
 * that may be hostile, a reader frame may be framed by one), so TypeScript's types say nothing about what
 * arrives. A handful of hand-written guards cover every shape the protocol uses; a schema library would be
 * the larger dependency for the same five checks.
 */

export type Guard<T> = (value: unknown) => value is T;

export const isTabId: Guard<number> = (v): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
export const isBoolean: Guard<boolean> = (v): v is boolean => typeof v === 'boolean';

/** A string of at most `max` characters (and at least `min`). */
export const isString =
  (max: number, min = 0): Guard<string> =>
  (v): v is string =>
    typeof v === 'string' && v.length >= min && v.length <= max;

/** A reader frame's token (crypto.randomUUID in content/reader-frame.ts). */
export const isToken: Guard<string> = (v): v is string =>
  typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v);

/** An http(s) URL. */
export const isWebUrl: Guard<string> = (v): v is string => {
  if (typeof v !== 'string' || v.length > 8192) return false;
  try {
    const { protocol } = new URL(v);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
};

/**
 * A plain object with exactly these keys, each passing its guard: an extra key is refused too, so a caller
 * cannot smuggle a `tabId` into a message whose tab comes from the sender. Keys the guard passes `undefined` for
 * (`optional(...)`) may be left out.
 */
export function shape<T extends object>(fields: { [K in keyof T]-?: Guard<T[K]> }): Guard<T> {
  const keys = Object.keys(fields) as (keyof T & string)[];
  return (v): v is T => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
    if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return false;
    if (Object.keys(v).some((k) => !Object.hasOwn(fields, k))) return false;
    return keys.every((k) => fields[k]((v as Record<string, unknown>)[k]));
  };
}

/** The guard, or the key left out. */
export const optional =
  <T>(guard: Guard<T>): Guard<T | undefined> =>
  (v): v is T | undefined =>
    v === undefined || guard(v);

/** One of these strings. */
export const isOneOf =
  <T extends string>(...values: readonly T[]): Guard<T> =>
  (v): v is T =>
    (values as readonly unknown[]).includes(v);

/** An array of at most `max` items, each passing `item`. */
export const isArrayOf =
  <T>(item: Guard<T>, max: number): Guard<T[]> =>
  (v): v is T[] =>
    Array.isArray(v) && v.length <= max && v.every((x) => item(x));

export const isFiniteNumber: Guard<number> = (v): v is number => typeof v === 'number' && Number.isFinite(v);
