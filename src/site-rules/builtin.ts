import type { BlockRule } from './block-rule';

/**
 * Built-in rules for well-known sites whose own markup defeats the general passes. Only rules with a reason:
 * each names the markup (the site's own stable class or attribute, seen in its pages and in the corpus
 * fixture that models it) and what goes wrong without it. `remove` runs before Readability; `keep` protects
 * elements from Qari's clutter passes (not from Readability's own choice of the article).
 */
export interface BuiltinSiteRules {
  /** Hosts the rules apply to, subdomains included ("wikipedia.org" covers "ar.wikipedia.org"). */
  hosts: readonly string[];
  remove?: readonly string[];
  keep?: readonly string[];
  why: string;
}

export const BUILTIN_RULES: readonly BuiltinSiteRules[] = [
  {
    hosts: ['wikipedia.org', 'wikivoyage.org', 'wikibooks.org', 'wikinews.org'],
    remove: ['.mw-editsection', '.navbox', '.vector-toc', '#toc', '.mw-jump-link'],
    why:
      'MediaWiki puts "[edit]" links inside every section heading, so the heading reads as a link and the ' +
      'clutter passes drop it (fixture wiki-infobox-references, known failure); the navbox and table of ' +
      'contents are link lists Readability can keep.',
  },
  {
    hosts: ['substack.com'],
    remove: ['.subscription-widget-wrap', '.subscription-widget-wrap-editor', '.subscribe-footer'],
    why:
      'Substack posts carry "Subscribe" boxes inside the post body, with a sentence of prose that survives ' +
      'the link-density passes (fixture substack-newsletter).',
  },
  {
    hosts: ['bbc.com', 'bbc.co.uk'],
    remove: ['[data-component="links-block"]', '[data-component="tag-list"]', '[data-component="topic-list"]'],
    why:
      'BBC articles mark their related-links and topic blocks with data-component, while class names are ' +
      'generated hashes (fixture bbc-arabic-hashed-classes) that no class-based pass can recognize.',
  },
];

/** The site-rule host of a URL: lower case, no "www.". */
export function ruleHost(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

const covers = (host: string, ruleHostName: string) => host === ruleHostName || host.endsWith(`.${ruleHostName}`);

/** The built-in rules for a page's URL. */
export function builtinRulesFor(url: string): { remove: BlockRule[]; keep: string[] } {
  const host = ruleHost(url);
  const remove: BlockRule[] = [];
  const keep: string[] = [];
  if (!host) return { remove, keep };
  for (const entry of BUILTIN_RULES) {
    if (!entry.hosts.some((h) => covers(host, h))) continue;
    for (const selector of entry.remove ?? []) remove.push({ kind: 'selector', selector });
    keep.push(...(entry.keep ?? []));
  }
  return { remove, keep };
}
