import { NAVIGATION_AND_DIALOGS } from './clutter-vocabulary';

/**
 * Collapsed sections of the article: an FAQ's answers, a guide's "Step 3" accordion, a product's "Details". The page
 * hides each one until its button is pressed, and says so the way the ARIA disclosure pattern asks: the button
 * has `aria-expanded="false"` and `aria-controls` naming the panel, and the panel is `hidden` (or `display: none`,
 * or `aria-hidden`). A reader view has no buttons to press, and its clutter passes, like Readability's visibility
 * check, drop hidden blocks: the answers were lost (WCXB dev: 81 pages have such panels; on FAQ and service pages
 * nine words in ten of them are in the human-chosen main text).
 *
 * So the clone shows them. Not a panel that is a dialog, a menu, a listbox or a search box, nor one opened from, or
 * sitting in, the site's navigation, header or footer: those are controls of the page, not parts of its text.
 * Tabs (`role="tab"`, `aria-selected`) are left as the page shows them: on WCXB dev (17 pages) showing their panels
 * raised two service pages but lowered four of the five product pages it changed (shipping and size notes), one of
 * them in recall.
 */

/** Roles a controlled popup has when it is page furniture rather than collapsed text. */
const NOT_TEXT =
  /^(?:dialog|alertdialog|menu|menubar|listbox|tree|treegrid|grid|combobox|search|navigation|tooltip|banner|contentinfo)$/;
/** Where the site's own controls live. */
const FURNITURE = [...NAVIGATION_AND_DIALOGS, 'header', 'footer'].join(',');
const DISPLAY_NONE = /(?:^|;)\s*display\s*:\s*none\s*(?:!important\s*)?(?:;|$)/i;

export function revealPanels(doc: Document): number {
  let revealed = 0;
  for (const control of Array.from(doc.querySelectorAll('[aria-controls][aria-expanded="false"]'))) {
    if (control.closest(FURNITURE)) continue;
    for (const id of control.getAttribute('aria-controls')!.split(/\s+/)) {
      const panel = id ? doc.getElementById(id) : null;
      if (!panel || panel.contains(control) || NOT_TEXT.test(panel.getAttribute('role') ?? '')) continue;
      if (panel.closest(FURNITURE) || !isHidden(panel)) continue;
      panel.removeAttribute('hidden');
      if (panel.getAttribute('aria-hidden') === 'true') panel.removeAttribute('aria-hidden');
      const style = panel.getAttribute('style');
      if (style && DISPLAY_NONE.test(style)) panel.setAttribute('style', style.replace(DISPLAY_NONE, ';'));
      revealed++;
    }
  }
  return revealed;
}

function isHidden(el: Element): boolean {
  return (
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    DISPLAY_NONE.test(el.getAttribute('style') ?? '')
  );
}
