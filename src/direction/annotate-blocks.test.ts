// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Direction } from '../article';
import { annotateBlocks } from './annotate-blocks';
import type { AnnotateOptions } from './annotate-blocks';

const AR = 'اللغة العربية هي إحدى أكثر اللغات انتشارا في العالم ويتحدثها ملايين البشر.';
const EN = 'The quick brown fox jumps over the lazy dog.';

function setup(html: string): HTMLElement {
  const doc = new DOMParser().parseFromString(`<div id="root">${html}</div>`, 'text/html');
  const root = doc.getElementById('root');
  if (root === null) throw new Error('no root');
  return root;
}

/** Annotates and checks the invariant every call must keep: the text is untouched. */
function annotate(html: string, base: Direction, opts?: AnnotateOptions) {
  const root = setup(html);
  const before = root.textContent;
  const result = annotateBlocks(root, base, opts);
  expect(root.textContent).toBe(before);
  /** Direction the browser would use for the element: its closest dir attribute. */
  const dirOf = (selector: string): string | null | undefined =>
    root.querySelector(selector)?.closest('[dir]')?.getAttribute('dir');
  const attr = (selector: string): string | null | undefined => root.querySelector(selector)?.getAttribute('dir');
  return { root, result, dirOf, attr };
}

describe('annotateBlocks: block directions', () => {
  it('always sets dir on the root, and only where it changes below', () => {
    const { root, attr, result } = annotate(`<p id="a">${AR}</p><p id="b">${AR}</p>`, 'rtl');
    expect(root.getAttribute('dir')).toBe('rtl');
    expect(attr('#a')).toBeNull();
    expect(attr('#b')).toBeNull();
    expect(result).toEqual({ blocks: 3, rtl: 3, ltr: 0 });
  });

  it('decides by majority, not by the first strong character', () => {
    const { dirOf } = annotate(
      `<p id="google">Google هي شركة تقنية أمريكية متعددة الجنسيات تختص بالإنترنت.</p><p id="en">${EN}</p>`,
      'ltr',
    );
    expect(dirOf('#google')).toBe('rtl');
    expect(dirOf('#en')).toBe('ltr');
  });

  it('keeps a near-even paragraph in the direction around it', () => {
    // More Latin letters than Arabic ones, but an Arabic sentence in an Arabic article.
    const { attr } = annotate(`<p id="p">قرأت كتاب "The Art of Computer Programming" لدونالد كنوث</p>`, 'rtl');
    expect(attr('#p')).toBeNull();
  });

  it('flips a whole English quote, list or table in an Arabic article at its container', () => {
    const { attr, dirOf } = annotate(
      `<p>${AR}</p>
       <blockquote id="q"><p id="q1">${EN}</p><p id="q2">${EN}</p></blockquote>
       <ul id="list"><li id="li1">First item in English</li><li>Second item in English</li></ul>
       <table id="t"><tbody id="tb"><tr id="tr"><td id="td1">Name</td><td>Value</td></tr></tbody></table>`,
      'rtl',
    );
    expect(attr('#q')).toBe('ltr');
    expect(attr('#q1')).toBeNull();
    expect(dirOf('#q2')).toBe('ltr');
    expect(attr('#list')).toBe('ltr');
    expect(attr('#li1')).toBeNull();
    expect(attr('#t')).toBe('ltr');
    // Never on table plumbing: that would reorder one row's columns.
    expect(attr('#tb')).toBeNull();
    expect(attr('#tr')).toBeNull();
    expect(dirOf('#td1')).toBe('ltr');
  });

  it('annotates single items of a mixed list', () => {
    const { attr } = annotate(
      `<ul id="list"><li>عنصر عربي أول</li><li>عنصر عربي ثان</li><li id="en">An English item</li></ul>`,
      'rtl',
    );
    expect(attr('#list')).toBeNull();
    expect(attr('#en')).toBe('ltr');
  });

  it('keeps a mostly-Latin item among RTL siblings unless it is clearly foreign', () => {
    const { attr } = annotate(
      `<ul id="list"><li>מדחום דיגיטלי מדויק</li><li id="mixed">Raspberry Pi Zero 2 W (כ־90 שקלים)</li><li id="en">Home Assistant</li><li>ספק כוח חזק</li></ul>`,
      'rtl',
    );
    expect(attr('#list')).toBeNull();
    expect(attr('#mixed')).toBeNull();
    expect(attr('#en')).toBe('ltr');
  });

  it('lets neutral blocks follow their parent', () => {
    const { attr, dirOf } = annotate(
      `<p id="n1">2020-03-05 | 12:24</p><blockquote><p>${EN}</p><p id="n2">12:24</p></blockquote><p id="n3"></p>`,
      'rtl',
    );
    expect(attr('#n1')).toBeNull();
    expect(dirOf('#n1')).toBe('rtl');
    expect(dirOf('#n2')).toBe('ltr');
    expect(dirOf('#n3')).toBe('rtl');
  });

  it('overrules a wrong existing dir, keeps one that agrees or has nothing to contradict it', () => {
    const { attr } = annotate(
      `<p id="wrong" dir="ltr">${AR}</p><p id="agrees" dir="LTR">${EN}</p><p id="neutral" dir="ltr">+1 (555) 010-2030</p><p id="auto" dir="auto">Google هي شركة تقنية أمريكية متعددة الجنسيات</p>`,
      'rtl',
    );
    expect(attr('#wrong')).toBe('rtl');
    expect(attr('#agrees')).toBe('ltr');
    expect(attr('#neutral')).toBe('ltr');
    // dir=auto would go by the first strong letter (the G): replaced by the majority.
    expect(attr('#auto')).toBe('rtl');
  });

  it('takes the context of nested blocks from their annotated parent', () => {
    const { attr } = annotate(
      `<div id="d" dir="ltr"><p id="p">${EN}</p><p>${EN}</p><p id="ar">مرحبا بكم في موقعنا</p></div>`,
      'rtl',
    );
    expect(attr('#d')).toBe('ltr');
    expect(attr('#p')).toBeNull();
    expect(attr('#ar')).toBe('rtl');
  });

  it('does not count URLs and e-mail addresses as Latin prose', () => {
    const { attr } = annotate(
      `<p id="p">للمزيد زوروا https://www.example.com/news/2024/a-very-long-article-slug-in-english</p>`,
      'rtl',
    );
    expect(attr('#p')).toBeNull();
  });

  it('decides a div with direct text by that text', () => {
    const { attr } = annotate(`<div id="d">${EN}<p id="p">${AR}</p></div>`, 'rtl');
    expect(attr('#d')).toBe('ltr');
    expect(attr('#p')).toBe('rtl');
  });

  it('makes pre blocks ltr unless their text is mostly RTL', () => {
    const { attr } = annotate(
      `<p>${AR}</p><pre id="code"><code>const x = document.title; // العنوان</code></pre><pre id="poem">قفا نبك من ذكرى حبيب ومنزل
بسقط اللوى بين الدخول فحومل</pre><pre id="num">1 2 3</pre>`,
      'rtl',
    );
    expect(attr('#code')).toBe('ltr');
    expect(attr('#poem')).toBeNull();
    expect(attr('#num')).toBe('ltr');
  });

  it('does not count inline code as the language of the paragraph', () => {
    const { attr } = annotate(
      `<p id="p">استخدم <code id="c">document.querySelectorAll(selectorString)</code> للبحث</p>`,
      'rtl',
    );
    expect(attr('#p')).toBeNull();
    expect(attr('#c')).toBe('ltr');
  });

  it('counts every block, with the direction it resolves to', () => {
    const { result } = annotate(`<p>${AR}</p><blockquote><p>${EN}</p></blockquote><p>123</p>`, 'rtl');
    expect(result).toEqual({ blocks: 5, rtl: 3, ltr: 2 });
  });

  it('ignores script and style and leaves them alone', () => {
    const { root } = annotate(
      `<p>${AR}</p><script>var a = "https://example.com x y"</script><style>p { color: red }</style>`,
      'rtl',
    );
    expect(root.querySelector('script')?.innerHTML).toBe('var a = "https://example.com x y"');
    expect(root.querySelectorAll('bdi')).toHaveLength(0);
  });
});

describe('annotateBlocks: inline isolation', () => {
  it('wraps a URL, an e-mail and a phone number in Arabic text in <bdi dir="ltr">', () => {
    const { root, attr } = annotate(
      `<p id="p">زوروا موقعنا https://example.com/ar/news أو راسلونا على info@example.com أو اتصلوا على +964 770 123 4567 اليوم.</p>`,
      'rtl',
    );
    expect(attr('#p')).toBeNull();
    const bdis = [...root.querySelectorAll('bdi')];
    expect(bdis.map((b) => [b.textContent, b.getAttribute('dir')])).toEqual([
      ['https://example.com/ar/news', 'ltr'],
      ['info@example.com', 'ltr'],
      ['+964 770 123 4567', 'ltr'],
    ]);
  });

  it('leaves a single Latin word and Arabic-Indic numbers alone', () => {
    const { root } = annotate(`<p>تعمل في شركة Microsoft منذ عام ٢٠١٠ ورقمها ٠٧٧٠ ١٢٣ ٤٥٦٧</p>`, 'rtl');
    expect(root.querySelectorAll('bdi')).toHaveLength(0);
  });

  it('wraps an RTL phrase in English text in <bdi dir="rtl">', () => {
    const { root } = annotate(`<p>The sign read مرحبا بكم في بغداد in big letters.</p>`, 'ltr');
    expect([...root.querySelectorAll('bdi')].map((b) => [b.textContent, b.getAttribute('dir')])).toEqual([
      ['مرحبا بكم في بغداد', 'rtl'],
    ]);
  });

  it('sets dir on a link whose whole text is the run, instead of wrapping inside it', () => {
    const { root, attr } = annotate(
      `<p>المصدر الأصلي للخبر: <a id="a" href="https://example.com/x">https://example.com/x</a> والمزيد من التفاصيل في صحيفة <a id="b" href="/"><b>The New</b> York Times</a>.</p>`,
      'rtl',
    );
    expect(attr('#a')).toBe('ltr');
    expect(attr('#b')).toBe('ltr');
    expect(root.querySelectorAll('bdi')).toHaveLength(0);
  });

  it('wraps inside a link when the run is only part of its text', () => {
    const { root } = annotate(`<p><a href="/">اقرأ المزيد على example.com/news الآن</a></p>`, 'rtl');
    const bdi = root.querySelector('a > bdi');
    expect(bdi?.textContent).toBe('example.com/news');
    expect(root.querySelector('a')?.hasAttribute('dir')).toBe(false);
  });

  it('does not isolate a run that continues across elements', () => {
    const { root } = annotate(`<p>شركة <b>Google</b>, Inc. هي شركة تقنية</p>`, 'rtl');
    expect(root.querySelectorAll('bdi')).toHaveLength(0);
  });

  it('isolates runs inside inline formatting elements without breaking them', () => {
    const { root } = annotate(`<p>قال <em>مدير Acme Corp. الإقليمي</em> إن</p>`, 'rtl');
    expect(root.querySelector('em > bdi')?.textContent).toBe('Acme Corp');
  });

  it('never touches pre, code, or existing isolates', () => {
    const { root } = annotate(
      `<p>نص عربي <span dir="ltr">Hello, world 1 2 3</span> و<bdi>Foo, bar</bdi> و<code>a + b, c</code></p><pre>مثال: https://example.com/path 1 2</pre>`,
      'rtl',
    );
    expect(root.querySelectorAll('bdi')).toHaveLength(1);
    expect(root.querySelector('span')?.innerHTML).toBe('Hello, world 1 2 3');
    expect(root.querySelector('code')?.innerHTML).toBe('a + b, c');
    expect(root.querySelector('pre')?.innerHTML).toBe('مثال: https://example.com/path 1 2');
  });

  it('isolates nothing with isolate: false', () => {
    const { root } = annotate(`<p>زوروا https://example.com/ar اليوم <code>x.y</code></p>`, 'rtl', { isolate: false });
    expect(root.querySelectorAll('bdi')).toHaveLength(0);
    expect(root.querySelector('code')?.hasAttribute('dir')).toBe(false);
  });

  it('handles several runs in one text node and runs in several segments', () => {
    const { root } = annotate(`<p>الأول C++ والثاني C# والثالث .NET<br>الرابع +964 770 123 4567</p>`, 'rtl');
    expect([...root.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual([
      'C++',
      'C#',
      '.NET',
      '+964 770 123 4567',
    ]);
  });
});

describe('annotateBlocks keeps the text', () => {
  it('leaves root.textContent unchanged on a busy mixed article', () => {
    const html = `
      <h1>عنوان المقال: Breaking News 2024</h1>
      <p>Google هي شركة تقنية. زوروا https://example.com/ar?x=1&amp;y=2 أو اكتبوا إلى a.b@example.org.</p>
      <p>اتصلوا بنا على +964 770 123 4567 أو (07) 123 4567، السعر 5 GB بـ 10 USD.</p>
      <blockquote><p>"To be, or not to be", said <a href="#">William Shakespeare</a>.</p></blockquote>
      <ul><li>عنصر <b>bold, text</b> <i>مائل</i></li><li>Item with عربي words, and more words</li></ul>
      <pre><code>npm install qari --save</code></pre>
      <p dir="auto">‏2020-03-05 | 12:24‎</p>
      <table><tr><td>الاسم</td><td>John Smith, Jr.</td></tr></table>
      <figure><img alt="x"><figcaption>صورة from Reuters, 2024</figcaption></figure>
      <script>ignored("x y")</script>`;
    for (const base of ['rtl', 'ltr'] as const) {
      const root = setup(html);
      const before = root.textContent;
      annotateBlocks(root, base);
      expect(root.textContent).toBe(before);
      expect(root.querySelectorAll('bdi').length).toBeGreaterThan(0);
    }
  });
});
