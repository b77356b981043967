import { QariError } from '../qari-error';

/** Where a page ended: lists and search are ordered newest first by (savedAt, id). */
export interface PagePosition {
  savedAt: number;
  id: string;
}

/** A page of results, and the token that asks for the next one (null on the last page). */
export interface Page<T> {
  items: T[];
  next: string | null;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 500;

export function pageSize(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isFinite(limit)) return MAX_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(limit)));
}

/** Opaque to callers; "savedAt:id" (savedAt has no colon, ids may). */
export function encodeCursor(position: PagePosition): string {
  return `${position.savedAt}:${position.id}`;
}

export function decodeCursor(token: string): PagePosition {
  const colon = token.indexOf(':');
  const savedAt = Number(token.slice(0, colon));
  const id = token.slice(colon + 1);
  if (colon < 1 || !Number.isFinite(savedAt) || !id)
    throw new QariError('This page of the reading list is out of date. Go back to the first page.');
  return { savedAt, id };
}

/**
 * The key range of an index keyed [...prefix, savedAt, id] that holds one list, from its newest entry or
 * from just after `after`, to be walked with a 'prev' cursor. [...prefix, []] is above every
 * [...prefix, number, string] (arrays sort after numbers and strings), and [...prefix] is below them.
 */
export function pageRange(prefix: (number | string)[], after: PagePosition | null): IDBKeyRange {
  const upper = after ? [...prefix, after.savedAt, after.id] : [...prefix, []];
  return IDBKeyRange.bound(prefix, upper, false, after !== null);
}

/** Whether (savedAt, id) comes after `position` in newest-first order. */
export function isAfter(savedAt: number, id: string, position: PagePosition | null): boolean {
  if (!position) return true;
  return savedAt < position.savedAt || (savedAt === position.savedAt && id < position.id);
}

/** Turns up to limit + 1 items (the extra one only tells whether there is more) into a page. */
export function toPage<T>(items: T[], limit: number, positionOf: (item: T) => PagePosition): Page<T> {
  if (items.length <= limit) return { items, next: null };
  const kept = items.slice(0, limit);
  return { items: kept, next: encodeCursor(positionOf(kept[kept.length - 1]!)) };
}
