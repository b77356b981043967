/**
 * Western digits → Arabic-Indic (٠١٢٣…) in Arabic text, or Extended Arabic-Indic (۰۱۲۳…) in Persian and
 * Urdu, only inside right-to-left blocks, never in links, code or isolated left-to-right runs (a URL or a
 * product model number keeps its digits).
 */

const ARABIC = '٠١٢٣٤٥٦٧٨٩';
const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
const SKIP = 'a, code, pre, kbd, samp, var, time, [dir="ltr"]';

export function applyEasternDigits(root: Element, lang: string | null): number {
  const digits = /^(fa|ur|ps|ckb|ku)\b/.test(lang ?? '') ? PERSIAN : ARABIC;
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* text */);
  let changed = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest(SKIP) || !/\d/.test(node.nodeValue!)) continue;
    node.nodeValue = node.nodeValue!.replace(/[0-9]/g, (d) => digits[Number(d)]!);
    changed++;
  }
  return changed;
}
