import { describe, expect, it } from 'vitest';
import { publishedLabel, readingTimeLabel } from './reading-labels';

describe('readingTimeLabel', () => {
  it("speaks the article's language, with its digits", () => {
    expect(readingTimeLabel(6, 'fa')).toEqual({ text: '۶ دقیقه مطالعه', lang: 'fa', dir: 'rtl' });
    expect(readingTimeLabel(2, 'ur-PK')).toEqual({ text: '2 منٹ کا مطالعہ', lang: 'ur-PK', dir: 'rtl' });
    expect(readingTimeLabel(3, 'he')).toMatchObject({ text: '3 דקות קריאה', dir: 'rtl' });
  });
  it("falls back to the interface's language, then English, and says so (the caller isolates it)", () => {
    expect(readingTimeLabel(2, 'ps', 'he')).toMatchObject({ lang: 'he', dir: 'rtl' });
    expect(readingTimeLabel(2, 'ps', 'de')).toEqual({ text: '2 min read', lang: 'en', dir: 'ltr' });
    expect(readingTimeLabel(2, null)).toEqual({ text: '2 min read', lang: 'en', dir: 'ltr' });
  });
});

describe('publishedLabel', () => {
  it('writes a Persian date in the Solar Hijri calendar with Persian digits, keeping the printed wall time', () => {
    const label = publishedLabel('2020-02-18T03:25:00+03:30', 'fa')!;
    expect(label.lang).toBe('fa');
    expect(label.dir).toBe('rtl');
    expect(label.text).toContain('۲۹ بهمن ۱۳۹۸');
    expect(label.text).toMatch(/۳:۲۵/);
  });
  it('keeps a date-only value date-only, in Urdu and Hebrew', () => {
    expect(publishedLabel('2024-11-08', 'ur')!.text).toMatch(/نومبر/);
    expect(publishedLabel('2024-11-08', 'ur')!.text).not.toMatch(/\d:\d/);
    expect(publishedLabel('2024-11-20', 'he')!.text).toMatch(/בנובמבר/);
  });
  it('rejects what is not a date', () => {
    expect(publishedLabel('yesterday', 'en')).toBeNull();
  });
});
