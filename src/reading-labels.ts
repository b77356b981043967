import type { Direction } from './article';
import { langDirection, normalizeLang } from './direction';

/**
 * The few words Qari prints around an article (reading time, published date), in the article's language when we
 * have its words and the browser's Intl has its calendar, else in the interface's language, else English. Each
 * label says which language it ended up in, so the caller can isolate it (<bdi dir lang>): an English "2 min read"
 * inside an Urdu header would otherwise be laid out right to left and read "min read 2".
 */
export interface Label {
  text: string;
  /** BCP 47 tag of the words in `text`. */
  lang: string;
  dir: Direction;
}

const MINUTES: Record<string, (n: string, count: number) => string> = {
  en: (n, c) => (c === 1 ? '1 min read' : `${n} min read`),
  ar: (n, c) =>
    c === 1
      ? 'دقيقة واحدة للقراءة'
      : c === 2
        ? 'دقيقتان للقراءة'
        : c <= 10
          ? `${n} دقائق للقراءة`
          : `${n} دقيقة للقراءة`,
  fa: (n) => `${n} دقیقه مطالعه`,
  he: (n, c) => (c === 1 ? 'דקת קריאה אחת' : `${n} דקות קריאה`),
  // "n minutes' reading": منٹ does not change in the plural.
  ur: (n) => `${n} منٹ کا مطالعہ`,
};

const primaryOf = (lang: string | null | undefined) => normalizeLang(lang)?.split('-')[0] ?? '';

function label(text: string, lang: string): Label {
  return { text, lang, dir: langDirection(lang) ?? 'ltr' };
}

/** The first of the article's and the interface's languages that `has`, else English. */
function pick(has: (lang: string) => boolean, ...langs: (string | null | undefined)[]): string {
  for (const lang of langs) {
    const tag = normalizeLang(lang);
    if (tag && has(tag)) return tag;
  }
  return 'en';
}

export function readingTimeLabel(minutes: number, lang: string | null, uiLang?: string | null): Label {
  const tag = pick((l) => !!MINUTES[primaryOf(l)], lang, uiLang);
  // Digits as the language writes them: Persian ۶, Arabic ٦ where its locale uses them, Hebrew and Urdu 6.
  const n = new Intl.NumberFormat(tag).format(minutes);
  return label(MINUTES[primaryOf(tag)]!(n, minutes), tag);
}

/** Intl knows the language's month names (not merely falls back to English ones). */
function intlSpeaks(lang: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([lang]).length > 0;
  } catch {
    return false;
  }
}

/**
 * A published date as the article's readers write it (Persian: Solar Hijri calendar, Persian digits); date-only
 * values stay date-only. The time is the wall-clock time the page printed (12:24 in Baghdad stays 12:24), not
 * converted to the reader's zone, which would contradict the dateline a reader may have seen on the page.
 */
export function publishedLabel(iso: string, lang: string | null, uiLang?: string | null): Label | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?)?/.exec(iso);
  if (!match) return null;
  const [, day, time] = match;
  const date = new Date(`${day}T${time ?? '00:00'}:00Z`);
  if (Number.isNaN(date.getTime())) return null;
  const options: Intl.DateTimeFormatOptions = {
    dateStyle: 'long',
    timeZone: 'UTC',
    ...(time ? { timeStyle: 'short' } : {}),
  };
  const tag = pick(intlSpeaks, lang, uiLang);
  return label(new Intl.DateTimeFormat(tag, options).format(date), tag);
}
