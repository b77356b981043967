/**
 * A fault the e2e tests can switch on, compiled only into the test build (`vite build --mode e2e-faults`,
 * scripts/build-faults-extension.ts): in every other build the mode is a constant other than 'e2e-faults', so
 * the bundler drops the body and `dist/` holds no trace of it (the storage-full e2e checks).
 *
 * Why a hook: Chromium does not apply `Storage.overrideQuotaForOrigin` to an extension's IndexedDB, and a real
 * full disk (a small tmpfs profile) is not a dependable test: with unlimitedStorage the writes went through
 * until the disk had no byte left, and then Chromium failed them as a plain AbortError or hung, varying run to
 * run. The hook throws what a browser gives when the quota is exceeded, a QuotaExceededError DOMException, at
 * the point where it gives it: after the requests are queued, before the commit.
 */
export function injectedFault(): DOMException | null {
  if (import.meta.env.MODE !== 'e2e-faults') return null;
  const faults = (globalThis as { __qariFaults?: { storageFull?: boolean } }).__qariFaults;
  return faults?.storageFull
    ? new DOMException('The quota has been exceeded (e2e fault hook).', 'QuotaExceededError')
    : null;
}
