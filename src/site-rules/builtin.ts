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
  /**
   * The software the page says made it (`<meta name="generator">`), for markup that comes with a platform rather
   * than a site: MediaWiki runs thousands of wikis besides Wikipedia, all with the same class names.
   */
  generator?: RegExp;
  remove?: readonly string[];
  keep?: readonly string[];
  why: string;
}

export const BUILTIN_RULES: readonly BuiltinSiteRules[] = [
  {
    hosts: ['wikipedia.org', 'wikivoyage.org', 'wikibooks.org', 'wikinews.org'],
    generator: /^MediaWiki\b/i,
    remove: [
      '.mw-editsection',
      '.navbox',
      '.vector-toc',
      '#toc',
      '.mw-jump-link',
      '.mw-references-wrap',
      'ol.references',
      '.reflist',
      '.refbegin',
      'sup.reference',
    ],
    why:
      'MediaWiki puts "[edit]" links inside every section heading, so the heading reads as a link and the ' +
      'clutter passes drop it (fixture wiki-infobox-references); the navbox and table of contents are link ' +
      'lists Readability can keep. The references list (`ol.references` in `.mw-references-wrap` or `.reflist`), ' +
      'the further-reading list (`.refbegin`) and the "[1]" markers that point into it (`sup.reference`) are ' +
      'bibliography, not the article: a list of citations reads as prose to every pass (long items, few links). ' +
      'Applied on any MediaWiki site, known by its generator meta tag, not only on Wikipedia.',
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

/** The software that made the page, as its `<meta name="generator">` says ("MediaWiki 1.42.0"). */
function generatorOf(doc: Document | undefined): string | null {
  return doc?.querySelector('meta[name="generator" i]')?.getAttribute('content')?.trim() || null;
}

/** The built-in rules for a page's URL (and, given the page, for the platform that made it). */
export function builtinRulesFor(url: string, doc?: Document): { remove: BlockRule[]; keep: string[] } {
  const host = ruleHost(url);
  const remove: BlockRule[] = [];
  const keep: string[] = [];
  if (!host) return { remove, keep };
  const generator = generatorOf(doc);
  for (const entry of BUILTIN_RULES) {
    const byHost = entry.hosts.some((h) => covers(host, h));
    const byGenerator = !!generator && !!entry.generator?.test(generator);
    if (!byHost && !byGenerator) continue;
    for (const selector of entry.remove ?? []) remove.push({ kind: 'selector', selector });
    keep.push(...(entry.keep ?? []));
  }
  return { remove, keep };
}
