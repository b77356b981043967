/**
 * The few words Qari prints around an article, in the article's language when we have it, so an
 * Arabic article does not carry an English "5 min read" in its header.
 */
const MINUTES: Record<string, (n: string, count: number) => string> = {
  en: (n) => `${n} min read`,
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
};

export function readingTimeLabel(minutes: number, lang: string | null): string {
  const primary = lang?.split('-')[0] ?? 'en';
  const format = MINUTES[primary] ?? MINUTES['en']!;
  const n = new Intl.NumberFormat(MINUTES[primary] ? (lang ?? 'en') : 'en').format(minutes);
  return format(n, minutes);
}

/**
 * A published date as the article's readers write it; date-only values stay date-only. The time is the
 * wall-clock time the page printed (12:24 in Baghdad stays 12:24), not converted to the reader's zone,
 * which would contradict the dateline a reader may have seen on the page.
 */
export function publishedLabel(iso: string, lang: string | null): string | null {
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
  try {
    return new Intl.DateTimeFormat(lang ?? undefined, options).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', options).format(date);
  }
}
