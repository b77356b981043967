import { QariError } from '../src/qari-error';

const BROWSER_PAGE =
  /^(chrome|chrome-untrusted|chrome-search|edge|brave|about|chrome-extension|moz-extension|devtools|view-source|resource):/i;

/**
 * Turns the browser's refusal to run a script in a tab into words a reader understands. The messages differ
 * between Chrome and Firefox; we match both and fall back to a general explanation.
 */
export function explainInjectionError(error: unknown, url?: string): QariError {
  const message = error instanceof Error ? error.message : String(error);
  const target = `${url ?? ''} ${message}`;
  if (
    /chrome\.google\.com\/webstore|chromewebstore\.google\.com|addons\.mozilla\.org|extensions gallery|microsoftedge\.microsoft\.com/i.test(
      target,
    )
  ) {
    return new QariError('This is an extension store page. Browsers do not let extensions run on it.', 'restricted');
  }
  if (BROWSER_PAGE.test(url ?? '') || /Cannot access a (chrome|about|edge):|cannot be scripted|about:/i.test(message)) {
    return new QariError('This is a browser page. Browsers do not let extensions read their own pages.', 'restricted');
  }
  if (/^file:|"file:/i.test(target)) {
    return new QariError(
      'This is a file on your computer. To read it with Qari, turn on "Allow access to file URLs" for Qari in the browser\'s extension settings.',
      'no-access',
    );
  }
  if (/Cannot access contents of|Missing host permission|activeTab|permission/i.test(message)) {
    return new QariError(
      'Qari was not allowed to read this page. Click the Qari toolbar button on the page, then try again.',
      'no-access',
    );
  }
  if (/No tab with id|Invalid tab ID|tab was closed/i.test(message)) {
    return new QariError('That tab is gone: it was closed or navigated away.', 'tab-gone');
  }
  if (/error page|showing error page/i.test(message)) {
    return new QariError('This tab shows an error page, not an article.', 'restricted');
  }
  return new QariError(`Qari cannot run on this page (${message}).`, 'restricted');
}
