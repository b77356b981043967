/**
 * Requests issued without awaiting each (IndexedDB runs them in order anyway). Each gets a handler as it
 * is added, so when the transaction aborts, the AbortErrors of the requests still queued are not reported
 * as unhandled; flush() then fails with the first error.
 */
export class RequestBatch {
  private pending: Promise<unknown>[] = [];

  add<T>(request: Promise<T>): Promise<T> {
    request.catch(() => {});
    this.pending.push(request);
    return request;
  }

  async flush(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    await Promise.all(pending);
  }
}
