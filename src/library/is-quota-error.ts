/**
 * Whether an IndexedDB failure means "out of space". Browsers report it three ways: the request fails with
 * QuotaExceededError; the transaction aborts at commit and every request then fails with AbortError while
 * `transaction.error` holds the QuotaExceededError; and old Firefox used its own name. Legacy code 22 is
 * DOMException.QUOTA_EXCEEDED_ERR.
 */
export function isQuotaError(error: unknown, transactionError?: DOMException | null): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error, transactionError];
  while (queue.length) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const { name, code, cause } = e as { name?: unknown; code?: unknown; cause?: unknown };
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22) return true;
    queue.push(cause);
  }
  return false;
}
