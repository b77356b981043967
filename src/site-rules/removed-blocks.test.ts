import { beforeEach, describe, expect, test, vi } from 'vitest';

/** An in-memory storage.local with onChanged, as the browser gives it (reset before each test). */
const fake = vi.hoisted(() => {
  type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;
  const state = { data: {} as Record<string, unknown>, listeners: new Set<Listener>() };
  const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));
  const browser = {
    storage: {
      local: {
        get: async (key: string) => (key in state.data ? { [key]: clone(state.data[key]) } : {}),
        set: async (items: Record<string, unknown>) => {
          const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
          for (const [k, v] of Object.entries(items)) {
            changes[k] = { oldValue: state.data[k], newValue: clone(v) };
            state.data[k] = clone(v);
          }
          state.listeners.forEach((l) => l(changes, 'local'));
        },
      },
      onChanged: {
        addListener: (l: Listener) => state.listeners.add(l),
        removeListener: (l: Listener) => state.listeners.delete(l),
      },
    },
  };
  return { state, browser };
});
vi.mock('webextension-polyfill', () => ({ default: fake.browser }));

const store = await import('./removed-blocks');
const { addRemovedBlock, loadRemovedBlocks, migrate, onRemovedBlocksChanged, restoreRemovedBlock } = store;
const { siteRulesFor } = await import('./site-rules-for');

const A = 'https://www.news.example/2024/a';
const B = 'https://news.example/2024/b';
const OTHER = 'https://other.example/x';

beforeEach(() => {
  fake.state.data = {};
  fake.state.listeners.clear();
});

describe('removed blocks store', () => {
  test('nothing stored: no blocks; the built-in rules still apply', async () => {
    expect(await loadRemovedBlocks(A)).toEqual([]);
    expect(siteRulesFor('https://en.wikipedia.org/wiki/X', []).remove).toContainEqual({
      kind: 'selector',
      selector: '.mw-editsection',
    });
  });

  test('a block removed on one article is remembered for the whole site (www. or not), not for others', async () => {
    const block = await addRemovedBlock(A, { kind: 'selector', selector: 'aside.newsletter' }, '  Sign up\n now ');
    expect(block?.label).toBe('Sign up now');
    expect((await loadRemovedBlocks(B)).map((b) => b.rule)).toEqual([
      { kind: 'selector', selector: 'aside.newsletter' },
    ]);
    expect(await loadRemovedBlocks(OTHER)).toEqual([]);
    expect(siteRulesFor(B, await loadRemovedBlocks(B)).remove).toContainEqual(block!.rule);
  });

  test('the same rule twice is stored once; restore forgets it', async () => {
    const first = await addRemovedBlock(A, { kind: 'text', text: 'read more' }, 'Read more');
    const again = await addRemovedBlock(B, { kind: 'text', text: 'read more' }, 'Read more');
    expect(again?.id).toBe(first?.id);
    expect(await loadRemovedBlocks(A)).toHaveLength(1);
    await restoreRemovedBlock(B, first!.id);
    expect(await loadRemovedBlocks(A)).toEqual([]);
    expect(fake.state.data[store.KEY]).toEqual({ version: 1, sites: {} });
  });

  test('listeners hear changes for their site only', async () => {
    const heard: number[] = [];
    const other: number[] = [];
    onRemovedBlocksChanged(A, (blocks) => heard.push(blocks.length));
    onRemovedBlocksChanged(OTHER, (blocks) => other.push(blocks.length));
    const block = await addRemovedBlock(B, { kind: 'selector', selector: '.promo' }, 'Promo');
    await restoreRemovedBlock(A, block!.id);
    expect(heard).toEqual([1, 0]);
    expect(other).toEqual([0, 0]); // it hears the key change, and its site's list is (still) empty
  });

  test('malformed stored entries are dropped one by one, valid ones kept', () => {
    const good = { id: 'g', label: 'x', addedAt: 1, rule: { kind: 'selector', selector: '.promo' } };
    const migrated = migrate({
      version: 1,
      sites: {
        'news.example': [
          good,
          { id: 'b1', label: 'x', addedAt: 1, rule: { kind: 'script', code: 'alert(1)' } },
          { id: 'b2', label: 'x', addedAt: 1, rule: { kind: 'selector', selector: '' } },
          { id: 'b3', label: 'x', addedAt: 1, rule: { kind: 'text', text: 'x'.repeat(10_000) } },
          'nonsense',
        ],
        'bad.example': 'nonsense',
      },
    });
    expect(migrated).toEqual({ version: 1, sites: { 'news.example': [good] } });
    expect(migrate(undefined)).toEqual({ version: 1, sites: {} });
    expect(migrate('garbage')).toEqual({ version: 1, sites: {} });
  });

  test('a rule that is not a rule is refused', async () => {
    expect(await addRemovedBlock(A, { kind: 'nope' } as never, 'x')).toBeNull();
    expect(await loadRemovedBlocks(A)).toEqual([]);
  });
});
