import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportEntry } from '../../../src/import/import-entry';

// The browser as the panel sees it: messages by key (t() shows the key when no locale answers), and a
// permission the test grants or refuses.
const permissions = { contains: vi.fn(), request: vi.fn() };
vi.mock('webextension-polyfill', () => ({
  default: { i18n: { getMessage: () => '', getUILanguage: () => 'en' }, permissions },
}));
const enqueueEntries = vi.fn(async (entries: ImportEntry[]) => ({ queued: entries.length, alreadySaved: 0 }));
vi.mock('../../queue-client', () => ({ enqueueEntries: (entries: ImportEntry[]) => enqueueEntries(entries) }));
// jsdom has no Worker: parse on the spot, with the same parsers.
vi.mock('../../parse-off-thread', async () => {
  const { parseImportFile } = await import('../../../src/import/parse-import-file');
  return { parseOffThread: async (format: never, bytes: Uint8Array) => parseImportFile(format, bytes) };
});
const { ImportPanel } = await import('./index');

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/imports');
let root: HTMLElement;

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  enqueueEntries.mockClear();
  permissions.contains.mockReset();
  permissions.request.mockReset();
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function until(check: () => unknown): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  expect(check()).toBeTruthy();
}

async function importFixture(file: string, onQueued = vi.fn()): Promise<string> {
  render(<ImportPanel onImported={vi.fn()} onQueued={onQueued} />, root);
  const input = root.querySelector<HTMLInputElement>('#import-file')!;
  const bytes = readFileSync(join(FIXTURES, file));
  Object.defineProperty(input, 'files', { value: [new File([bytes], file)], configurable: true });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await until(() => root.querySelector('#import-start'));
  await act(() => root.querySelector<HTMLButtonElement>('#import-start')!.click());
  await until(() => root.querySelector('#import-status .notice, #import-status .error'));
  return root.querySelector('#import-status')!.textContent!;
}

describe('ImportPanel: host access', () => {
  it('asks for access in the click when it is missing, and queues every entry once granted', async () => {
    permissions.contains.mockResolvedValue(false);
    permissions.request.mockResolvedValue(true);
    const onQueued = vi.fn();
    expect(await importFixture('pocket.csv', onQueued)).toBe('queued');
    expect(permissions.request).toHaveBeenCalledWith({ origins: ['https://*/*', 'http://*/*'] });
    expect(enqueueEntries.mock.calls[0]![0]).toHaveLength(56);
    expect(onQueued).toHaveBeenCalledOnce();
  });

  it('does not ask again when access is already granted', async () => {
    permissions.contains.mockResolvedValue(true);
    expect(await importFixture('wallabag.json')).toBe('queued');
    expect(permissions.request).not.toHaveBeenCalled();
    expect(enqueueEntries.mock.calls[0]![0]).toHaveLength(56);
  });

  it('refused: queues only the articles whose text is in the file, and says so', async () => {
    permissions.contains.mockResolvedValue(false);
    permissions.request.mockResolvedValue(false);
    expect(await importFixture('wallabag.json')).toBe('importRefused queued');
    const queued = enqueueEntries.mock.calls[0]![0];
    expect(queued).toHaveLength(37);
    expect(queued.every((entry) => entry.content)).toBe(true);
  });

  it('refused with links only: nothing is queued, and the page says what still works', async () => {
    permissions.contains.mockResolvedValue(false);
    permissions.request.mockResolvedValue(false);
    expect(await importFixture('bookmarks.html')).toBe('importRefusedNone');
    expect(enqueueEntries).not.toHaveBeenCalled();
  });
});
