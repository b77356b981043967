import type { BlockRule } from './block-rule';
import { builtinRulesFor } from './builtin';
import type { RemovedBlock } from './removed-blocks';

/** Everything extraction applies on a page of this site: the built-in rules, then the reader's own. */
export function siteRulesFor(url: string, blocks: readonly RemovedBlock[]): { remove: BlockRule[]; keep: string[] } {
  const builtin = builtinRulesFor(url);
  return { remove: [...builtin.remove, ...blocks.map((b) => b.rule)], keep: builtin.keep };
}
