// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Direction } from '../article';
import { findIsolationRuns } from './find-isolation-runs';

/** The isolated stretches, as text. */
function runs(text: string, base: Direction): string[] {
  return findIsolationRuns(text, base).map((r) => text.slice(r.start, r.end));
}

describe('findIsolationRuns in RTL text', () => {
  it.each([
    // URLs and e-mail addresses
    [
      'زوروا موقعنا https://example.com/ar/news أو راسلونا على info@example.com اليوم.',
      ['https://example.com/ar/news', 'info@example.com'],
    ],
    ['الرابط: https://example.org/path/ للمزيد', ['https://example.org/path/']],
    // Phone numbers and spaced numbers; not plain numbers, dates, times or Arabic-Indic digits
    ['للاتصال: +964 770 123 4567 أو 07701234567', ['+964 770 123 4567']],
    ['المبلغ 1 000 000 دينار', ['1 000 000']],
    ['اتصلوا بنا على الرقم 0770 123 4567 أو و+964 771 000 1111', ['0770 123 4567', '+964 771 000 1111']],
    ['2020-03-05 | 12:24', []],
    ['2024 كان عاما صعبا', []],
    ['اتصل على ٠٧٧٠ ١٢٣ ٤٥٦٧ الآن', []],
    ['بنسبة 50% تقريبا', []],
    // Latin phrases with spaces or punctuation; sentence punctuation stays outside
    ['شركة Google, Inc. هي شركة', ['Google, Inc']],
    ['قرأت كتاب The Art of Computer Programming لدونالد كنوث.', ['The Art of Computer Programming']],
    ['استخدمت Python 3 لمدة عام', ['Python 3']],
    ['قالت صحيفة "The Times" إن', ['The Times']],
    ['شركة Google (Alphabet) هي', ['Google (Alphabet)']],
    ['(بالإنجليزية: Artificial intelligence) هو', ['Artificial intelligence']],
    ['كتبها بلغة C++ ثم C# وأخيرا .NET مع @user', ['C++', 'C#', '.NET', '@user']],
    // Sigils only belong to the run when they start or end a token
    ['كلمة English/عربي وكذلك عربي/English هنا', []],
    ['انتهى.NET هنا', []],
    // Numbers with units
    ['سعة 5 GB وسرعة 3.5 GHz و100 km/h', ['5 GB', '3.5 GHz', '100 km/h']],
    ['درجة الحرارة 25 °C اليوم و77°F غدا', ['25 °C', '77°F']],
    ['حصل على الدرجة 5 C في الامتحان', []],
    // A single Latin word needs nothing; a year before a name is not a unit
    ['Google هي شركة تقنية أمريكية', []],
    ['تعمل في شركة Microsoft منذ', []],
    ['عام 2024 IBM قامت', []],
    // The Arabic comma ends a Latin run
    ['مثل Apple، وGoogle Maps، وغيرها', ['Google Maps']],
  ])('%j', (text, expected) => {
    expect(runs(text, 'rtl')).toEqual(expected);
  });

  it('marks runs as ltr', () => {
    expect(findIsolationRuns('زوروا example.com الآن', 'rtl')).toEqual([{ start: 6, end: 17, dir: 'ltr' }]);
  });
});

describe('findIsolationRuns in LTR text', () => {
  it.each([
    ['The sign read مرحبا بكم في بغداد today.', ['مرحبا بكم في بغداد']],
    // A lone RTL word before a number would take the number into its run
    ['The word שלום appears 3 times, and the word שלום 3 times.', ['שלום']],
    ['The word سلام means peace.', []],
    ['Hello world 123 +964 770 123 4567', []],
    // Digits inside an Arabic phrase stay in it; Arabic-Indic digits after it too
    ['Take شارع 25 يوليو to the center.', ['شارع 25 يوليو']],
    ['In عام ٢٠٢٤ we went.', ['عام ٢٠٢٤']],
  ])('%j', (text, expected) => {
    expect(runs(text, 'ltr')).toEqual(expected);
  });

  it('marks runs as rtl', () => {
    expect(findIsolationRuns('He said مرحبا بكم today', 'ltr')).toEqual([{ start: 8, end: 17, dir: 'rtl' }]);
  });
});
