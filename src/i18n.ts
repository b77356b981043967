import browser from 'webextension-polyfill';
import english from '../public/_locales/en/messages.json';
import { langDirection } from './direction/lang-direction';

/**
 * Interface strings from the browser's _locales machinery (English, Arabic, Persian, Hebrew and Urdu), with the
 * English file as the fallback when a key is missing in the reader's language.
 */

export type MessageKey = keyof typeof english;

export function t(key: MessageKey, ...substitutions: string[]): string {
  const message = browser.i18n.getMessage(key, substitutions);
  if (message) return message;
  // Fallback: English, placeholders filled in the order they are declared ($1, $2…).
  const entry = english[key] as { message: string; placeholders?: Record<string, { content: string }> };
  let text = entry.message;
  for (const [name, { content }] of Object.entries(entry.placeholders ?? {})) {
    text = text.replaceAll(`$${name.toUpperCase()}$`, substitutions[Number(content.slice(1)) - 1] ?? '');
  }
  return text;
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
