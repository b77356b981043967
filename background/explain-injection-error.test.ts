import { describe, expect, it } from 'vitest';
import { explainInjectionError } from './explain-injection-error';

/** The browsers' own refusals (Chromium 156, Firefox 153), turned into what the popup says. */
describe('explainInjectionError', () => {
  const cases: [string, string | undefined, string, string][] = [
    ['Cannot access a chrome:// URL', undefined, 'restricted', 'This is a browser page'],
    ['Cannot access a chrome:// URL', 'chrome://settings/', 'restricted', 'This is a browser page'],
    ['The extensions gallery cannot be scripted.', undefined, 'restricted', 'extension store'],
    [
      'Missing host permission for the tab',
      'https://addons.mozilla.org/en-US/firefox/',
      'restricted',
      'extension store',
    ],
    ['Missing host permission for the tab', 'about:preferences', 'restricted', 'This is a browser page'],
    [
      'Cannot access contents of url "file:///home/r/report.html". Extension manifest must request permission to access this host.',
      undefined,
      'no-access',
      'Allow access to file URLs',
    ],
    [
      'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
      'https://news.example/a',
      'no-access',
      'Click the Qari toolbar button',
    ],
    ['Missing host permission for the tab', 'https://news.example/a', 'no-access', 'Click the Qari toolbar button'],
    ['No tab with id: 42.', undefined, 'tab-gone', 'That tab is gone'],
    ['Frame with ID 0 is showing error page', 'https://down.example/', 'restricted', 'error page'],
  ];
  it.each(cases)('%s (%s) → %s', (message, url, code, words) => {
    const error = explainInjectionError(new Error(message), url);
    expect(error.code).toBe(code);
    expect(error.message).toContain(words);
  });

  it('falls back to a general sentence that still names the cause', () => {
    const error = explainInjectionError(new Error('Something unexpected'), 'https://news.example/');
    expect(error.code).toBe('restricted');
    expect(error.message).toContain('Something unexpected');
  });
});
