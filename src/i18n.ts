import browser from 'webextension-polyfill';
import type english from '../public/_locales/en/messages.json';
import { langDirection } from './direction/lang-direction';

/**
 * Interface strings from the browser's _locales machinery (English, Arabic, Persian, Hebrew and Urdu). A key
 * missing in the reader's language falls back to English (the manifest's default_locale) in the browser
 * itself, in Chrome and Firefox alike, so the English file is imported for its keys (the type) only: bundling
 * it as a second fallback cost every page that shows text about 4 KB gz, the popup's included (issue 12).
 */

export type MessageKey = keyof typeof english;

export function t(key: MessageKey, ...substitutions: string[]): string {
  // The key itself only where no browser answers (never in the extension: default_locale has every key).
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** Direction and language of the browser's interface: the popup mirrors for right-to-left languages. */
export function uiLocale(): { lang: string; dir: 'rtl' | 'ltr' } {
  const lang = browser.i18n.getUILanguage() || 'en';
  // From the language itself: Chromium answers @@bidi_dir "ltr" under --lang=ar in headless runs.
  const dir = langDirection(lang) ?? (browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr');
  return { lang, dir };
}

/** A number as the interface's language writes it: ۲۰ in Persian, 20 in Hebrew and Urdu (their usual digits). */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat(uiLocale().lang).format(n);
}
