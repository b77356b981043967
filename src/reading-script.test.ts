import { describe, expect, it } from 'vitest';
import { readingScript } from './reading-script';

describe('readingScript', () => {
  it('sets the Nastaliq languages apart from Persian and Arabic', () => {
    for (const lang of ['ur', 'ur-PK', 'ks', 'bal', 'pnb', 'pa-Arab', 'pa-PK'])
      expect(readingScript(lang, 'پاکستان کرکٹ بورڈ'), lang).toBe('urdu');
    expect(readingScript('pa', 'ਪੰਜਾਬੀ')).toBe('latin');
    expect(readingScript('fa-IR', 'خبرگزاری')).toBe('persian');
    expect(readingScript('ar', 'بوتين')).toBe('arabic');
    expect(readingScript('he', 'שלום')).toBe('hebrew');
  });
  it('goes by the text when the language says nothing about the script', () => {
    expect(readingScript(null, 'بوتين واردوغان')).toBe('arabic');
    expect(readingScript('ur', 'An English page on an Urdu site')).toBe('latin');
    expect(readingScript(null, 'Hello')).toBe('latin');
  });
});
