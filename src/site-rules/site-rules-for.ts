import type { BlockRule } from './block-rule';
import { builtinRulesFor } from './builtin';
import type { RemovedBlock } from './removed-blocks';

/**
 * Everything extraction applies on a page of this site: the built-in rules (by host, and by the platform `doc` says
 * made it), then the reader's own.
 */
export function siteRulesFor(
  url: string,
  blocks: readonly RemovedBlock[],
  doc?: Document,
): { remove: BlockRule[]; keep: string[] } {
  const builtin = builtinRulesFor(url, doc);
  return { remove: [...builtin.remove, ...blocks.map((b) => b.rule)], keep: builtin.keep };
}
