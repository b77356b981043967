import { describe, expect, it } from 'vitest';
import { articleTerms, normalizeForSearch, tokenize } from './tokenize';

describe('tokenize', () => {
  it('folds Arabic tashkeel, tatweel, alef variants, ta marbuta and alef maqsura', () => {
    expect(tokenize('أردوغانُ')).toEqual(['اردوغان']);
    expect(tokenize('إنّ الآن مُستشفى المدرسةَ ٱلكتاب العـــربية')).toEqual([
      'ان',
      'الان',
      'مستشفي',
      'المدرسه',
      'الكتاب',
      'العربيه',
    ]);
    // Query and text meet in the middle, whichever of them carries the marks.
    expect(tokenize('اردوغان')).toEqual(tokenize('أَرْدُوغَان'));
  });

  it('maps Arabic-Indic and Persian digits to ASCII', () => {
    expect(tokenize('عام ٢٠٢٤ أو ۱۴۰۳')).toEqual(['عام', '2024', 'او', '1403']);
  });

  it('strips Hebrew niqqud and cantillation but splits on maqaf', () => {
    expect(tokenize('בְּרֵאשִׁית בָּרָא')).toEqual(['בראשית', 'ברא']);
    expect(tokenize('שָׁלוֹם')).toEqual(tokenize('שלום'));
    expect(tokenize('תֵּל־אָבִיב')).toEqual(['תל', 'אביב']);
  });

  it('lowercases, applies NFKC and drops Latin accents and one-letter words', () => {
    expect(tokenize('Café DÉJÀ-VU ﬁnd Ｆｕｌｌ I a 42')).toEqual(['cafe', 'deja', 'vu', 'find', 'full', '42']);
  });

  it('keeps combining marks of scripts whose words need them (no split inside a word)', () => {
    expect(tokenize('हिन्दी भाषा')).toHaveLength(2);
  });

  it('normalizes without splitting', () => {
    expect(normalizeForSearch('Tel-Aviv  أحمد')).toBe('tel-aviv  احمد');
  });

  it('articleTerms: indexes Arabic words also without the definite article and the particles on it', () => {
    const terms = articleTerms({
      title: 'السوق',
      byline: null,
      siteName: null,
      textContent: 'والكتاب بالمدينة للبيت لي',
    });
    expect(terms).toEqual(['السوق', 'سوق', 'والكتاب', 'كتاب', 'بالمدينه', 'مدينه', 'للبيت', 'بيت', 'لي']);
  });

  it('articleTerms: distinct terms of title, byline, site and text', () => {
    const terms = articleTerms({
      title: 'Kelp forests',
      byline: 'Alice Moreton',
      siteName: null,
      textContent: 'Kelp grows fast.\nKelp shelters fish.',
    });
    expect(terms).toEqual(['kelp', 'forests', 'alice', 'moreton', 'grows', 'fast', 'shelters', 'fish']);
  });
});
