import type { Article } from '../src/article';
import { t } from '../src/i18n';
import { callBackground } from '../src/messages';
import { BLOCK_SELECTOR, normalizeBlockText, type BlockRule } from '../src/site-rules/block-rule';
import {
  addRemovedBlock,
  loadRemovedBlocks,
  onRemovedBlocksChanged,
  restoreRemovedBlock,
} from '../src/site-rules/removed-blocks';

/**
 * "Remove blocks" in a live reader: a toolbar toggle turns the article's blocks into things to remove, by click
 * or by keyboard (Tab to a block, Delete or Enter). A removed block goes at once, with an Undo, and is remembered
 * for the site (src/site-rules), so the same block is gone from the site's other articles; the popup lists them
 * with "Restore". A change made elsewhere (a restore in the popup) re-reads the article from the tab.
 */

/** Blocks a reader sees as one piece: outermost of these, or a div/section with only inline content. */
const PIECES = 'p, h2, h3, h4, h5, h6, ul, ol, dl, figure, blockquote, table, pre, aside';
const REMOVABLE = 'removable';

function removableBlocks(article: Element): Element[] {
  const pieces = Array.from(article.querySelectorAll(PIECES)).filter((el) => !el.parentElement?.closest(PIECES));
  const plain = Array.from(article.querySelectorAll('div, section')).filter(
    (el) => !el.closest(PIECES) && !el.querySelector(BLOCK_SELECTOR) && (el.textContent ?? '').trim(),
  );
  return [...pieces, ...plain];
}

function labelOf(block: Element): string {
  const text = (block.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text) return text.length > 80 ? `${text.slice(0, 79)}…` : text;
  return block.querySelector('img')?.getAttribute('alt')?.trim() || t('removedImage');
}

export interface EditBlocks {
  /** After every render: marks the new article's blocks if editing. */
  rendered(): void;
}

export function setUpBlockEditing(options: {
  /** The reader frame's token (reader/main.ts), which the background passes on to the content script. */
  token: string;
  url: string;
  container: HTMLElement;
  /** Re-reads the article from the tab and renders it (a rule changed elsewhere). */
  reload(): Promise<Article>;
}): EditBlocks {
  const { token, url, container } = options;
  const edit = document.getElementById('edit') as HTMLButtonElement;
  const notice = document.getElementById('edit-notice')!;
  const noticeText = document.getElementById('edit-notice-text')!;
  const undo = document.getElementById('undo') as HTMLButtonElement;
  let editing = false;
  /** The rule ids this reader knows of: a storage change with other ids came from elsewhere. */
  let known = new Set<string>();
  let lastRemoved: { block: Element; parent: Node; next: Node | null; id: Promise<string | null> } | null = null;

  void loadRemovedBlocks(url).then((blocks) => blocks.forEach((b) => known.add(b.id)));
  onRemovedBlocksChanged(url, (blocks) => {
    const ids = new Set(blocks.map((b) => b.id));
    if (ids.size === known.size && [...ids].every((id) => known.has(id))) return;
    known = ids;
    lastRemoved = null;
    notice.hidden = true;
    const y = scrollY;
    void options.reload().then(() => scrollTo(0, y));
  });

  const say = (text: string, withUndo: boolean) => {
    noticeText.textContent = text;
    undo.hidden = !withUndo;
    notice.hidden = false;
  };

  function mark(): void {
    const article = container.querySelector('article.content');
    if (!article) return;
    for (const old of Array.from(article.querySelectorAll(`.${REMOVABLE}`))) {
      old.classList.remove(REMOVABLE);
      old.removeAttribute('tabindex');
    }
    article.classList.toggle('editing', editing);
    if (!editing) return;
    for (const block of removableBlocks(article)) {
      block.classList.add(REMOVABLE);
      block.setAttribute('tabindex', '0');
    }
  }

  async function remember(text: string, label: string): Promise<string | null> {
    let rule: BlockRule | null = null;
    try {
      ({ rule } = await callBackground('describeBlock', { token, text }));
    } catch {
      // The tab is gone or busy: the block's own words still find it again.
    }
    if (!rule && normalizeBlockText(text)) rule = { kind: 'text', text: normalizeBlockText(text) };
    if (!rule) return null;
    const id = crypto.randomUUID();
    known.add(id);
    const stored = await addRemovedBlock(url, rule, label, id);
    if (stored) known.add(stored.id);
    return stored?.id ?? null;
  }

  function remove(block: Element): void {
    const next = block.nextElementSibling?.classList.contains(REMOVABLE)
      ? (block.nextElementSibling as HTMLElement)
      : null;
    const text = block.textContent ?? '';
    const label = labelOf(block);
    const id = remember(text, label).catch(() => null);
    const removed = { block, parent: block.parentNode!, next: block.nextSibling, id };
    lastRemoved = removed;
    block.remove();
    say(t('blockRemoved'), true);
    // Honest about what was remembered: an image with no text has nothing to find it by on other pages.
    void id.then((stored) => {
      if (!stored && lastRemoved === removed) say(t('blockRemovedHereOnly'), true);
    });
    (next ?? undo).focus();
  }

  undo.addEventListener('click', () => {
    const removed = lastRemoved;
    if (!removed) return;
    lastRemoved = null;
    removed.parent.insertBefore(removed.block, removed.next?.parentNode === removed.parent ? removed.next : null);
    say(t('blockRestored'), false);
    (removed.block as HTMLElement).focus();
    void removed.id.then((id) => {
      if (!id) return;
      known.delete(id);
      return restoreRemovedBlock(url, id);
    });
  });

  edit.hidden = false;
  edit.textContent = t('removeBlocks');
  undo.textContent = t('undo'); // reader.html's "Undo" is only the English placeholder
  edit.setAttribute('aria-pressed', 'false');
  edit.addEventListener('click', () => {
    editing = !editing;
    edit.setAttribute('aria-pressed', String(editing));
    edit.textContent = editing ? t('removeBlocksDone') : t('removeBlocks');
    if (editing) say(t('removeBlocksHint'), false);
    else notice.hidden = true;
    mark();
  });
  container.addEventListener('click', (event) => {
    if (!editing) return;
    const block = (event.target as Element | null)?.closest(`.${REMOVABLE}`);
    if (!block) return;
    event.preventDefault(); // a link inside a block is not followed while editing
    remove(block);
  });
  container.addEventListener('keydown', (event) => {
    if (!editing || !['Delete', 'Backspace', 'Enter', ' '].includes(event.key)) return;
    const block = event.target as Element;
    if (!block.classList?.contains(REMOVABLE)) return;
    event.preventDefault();
    remove(block);
  });

  return { rendered: mark };
}
