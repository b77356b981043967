/**
 * Test pages for issue 13 (right-to-left on real pages), served by the e2e server: each reproduces one shape a real
 * site had (an Urdu page whose <title> is English, a Persian agency's name as byline, a site-name prefix on an Arabic
 * title, an article nested in an article). Written text, not copied pages: real sentences a reader of each language
 * would find ordinary.
 */

const page = (o: { lang: string; title: string; head?: string; body: string }) =>
  `<!doctype html><html lang="${o.lang}" dir="rtl"><head><meta charset="utf-8"><title>${o.title}</title>${o.head ?? ''}</head>` +
  `<body><header><a href="/">Home</a></header><main>${o.body}</main><footer>© 2026</footer></body></html>`;

const paragraphs = (list: string[]) => list.map((p) => `<p>${p}</p>`).join('\n');

export const URDU_HEADLINE = 'قومی کرکٹ ٹیم کا تربیتی کیمپ پندرہ جنوری سے لاہور میں شروع ہوگا';
const URDU_PARAGRAPHS = [
  'پاکستان کرکٹ بورڈ (PCB) نے اعلان کیا ہے کہ آئندہ سیزن کے لیے قومی ٹیم کا تربیتی کیمپ لاہور کے قذافی اسٹیڈیم میں 15 جنوری سے شروع ہوگا، جس میں 35 کھلاڑی شرکت کریں گے۔',
  'بورڈ کے ترجمان کے مطابق کیمپ میں فٹنس ٹیسٹ، نیٹ پریکٹس اور ویڈیو تجزیے کے سیشن شامل ہوں گے، اور ہر کھلاڑی کو Yo-Yo ٹیسٹ میں کم از کم 17.4 کا اسکور حاصل کرنا ہوگا۔',
  'سابق کپتان نے ایک بیان میں کہا کہ نوجوان کھلاڑیوں کو موقع دینا خوش آئند ہے، لیکن تجربہ کار بلے بازوں کی موجودگی ٹیم کے توازن کے لیے ضروری ہے۔',
  'شائقینِ کرکٹ نے سوشل میڈیا پر اس فیصلے کا خیرمقدم کیا ہے، اور کئی صارفین نے امید ظاہر کی ہے کہ اس بار ٹیم ورلڈ کپ کی تیاری بہتر انداز میں کر سکے گی۔',
  'یاد رہے کہ گزشتہ برس ٹیم کی کارکردگی پر شدید تنقید کی گئی تھی، جب وہ ایشیا کپ کے سیمی فائنل تک بھی نہیں پہنچ سکی تھی اور کئی سینئر کھلاڑی ان فٹ رہے تھے۔',
  'کیمپ کے اختتام پر 20 فروری کو ایک پریکٹس میچ کھیلا جائے گا، جس کے بعد سلیکشن کمیٹی حتمی اسکواڈ کا اعلان کرے گی۔',
];

/** Urdu page whose <title> and og:title are English: the Urdu <h1> is the headline. */
export const urduEnglishTitle = page({
  lang: 'ur',
  title: 'National cricket team training camp to begin in Lahore on January 15',
  head:
    '<meta property="og:title" content="National cricket team training camp to begin in Lahore on January 15">' +
    '<meta property="og:site_name" content="روزنامہ آئینہ">' +
    '<meta property="article:published_time" content="2026-01-03T09:30:00+05:00">',
  body: `<article><h1>${URDU_HEADLINE}</h1><p class="byline">عائشہ ملک</p>${paragraphs(URDU_PARAGRAPHS)}
    <h2>شائقین کی توقعات</h2>${paragraphs(URDU_PARAGRAPHS.slice(0, 3))}</article>`,
});

const PERSIAN_PARAGRAPHS = [
  'به گزارش خبرآنلاین، بانک مرکزی امروز اعلام کرد که نرخ تورم نقطه‌به‌نقطه در بهمن‌ماه به ۳۹٫۴ درصد رسیده است؛ رقمی که نسبت به ماه گذشته ۱٫۲ واحد درصد کاهش نشان می‌دهد.',
  'بر اساس این گزارش، بیشترین افزایش قیمت در گروه خوراکی‌ها و آشامیدنی‌ها ثبت شده و هزینهٔ مسکن در شهرهای بزرگ همچنان بالاتر از میانگین کشوری است.',
  'کارشناسان اقتصادی می‌گویند ادامهٔ این روند به سیاست‌های پولی در ماه‌های آینده و ثبات نسبی بازار ارز بستگی دارد و نمی‌توان از هم‌اکنون دربارهٔ آن قضاوت قطعی کرد.',
  'یکی از اعضای کمیسیون اقتصادی مجلس نیز گفت دولت باید برای حمایت از دهک‌های پایین درآمدی برنامه‌ای روشن ارائه کند و یارانهٔ کالاهای اساسی را هدفمندتر بپردازد.',
  'مرکز آمار ایران هم هفتهٔ گذشته گزارشی منتشر کرده بود که ارقام آن با اعلام بانک مرکزی تفاوت‌هایی داشت؛ تفاوتی که به گفتهٔ کارشناسان از روش‌های متفاوت محاسبه ناشی می‌شود.',
];

/** Persian agency page: dated, several minutes long, its own name in the author field. */
export const persianAgency = page({
  lang: 'fa',
  title: 'نرخ تورم نقطه‌به‌نقطه در بهمن‌ماه کاهش یافت - خبرآنلاین',
  head:
    '<meta property="og:site_name" content="خبرآنلاین">' +
    '<meta name="author" content="Khabaronline News Agency - سایت خبرگزاری خبرآنلاین">' +
    '<meta property="article:published_time" content="2020-02-18T03:25:00+03:30">',
  body: `<article><h1>نرخ تورم نقطه‌به‌نقطه در بهمن‌ماه کاهش یافت</h1>${paragraphs([
    ...PERSIAN_PARAGRAPHS,
    ...PERSIAN_PARAGRAPHS,
    ...PERSIAN_PARAGRAPHS,
  ])}</article>`,
});

const ARABIC_PARAGRAPHS = [
  'توصل الرئيس الروسي فلاديمير بوتين ونظيره التركي رجب طيب أردوغان، إلى اتفاق لوقف إطلاق النار في إدلب السورية اعتبارا من منتصف الليل، بعد محادثات استمرت أكثر من ست ساعات في موسكو.',
  'وقال بوتين في مؤتمر صحفي مشترك إن الاتفاق يشمل إنشاء ممر آمن بعمق 6 كيلومترات على جانبي الطريق الدولي M4، على أن تسيّر دوريات مشتركة فيه ابتداء من 15 آذار.',
  'من جهته، أكد أردوغان أن تركيا تحتفظ بحق الرد على أي هجوم يستهدف قواتها، مشيرا إلى أن الاتفاق لن يكون ممكنا من دون التزام جميع الأطراف ببنوده.',
  'وكانت المنطقة قد شهدت خلال الأسابيع الماضية تصعيدا عسكريا أدى إلى نزوح نحو 900 ألف شخص، بحسب أرقام الأمم المتحدة (UN) التي حذرت من كارثة إنسانية.',
];

/** Arabic title with the site's name as a prefix, and the page's article nested in another <article>. */
export const arabicPrefixedNested = page({
  lang: 'ar',
  title: 'Alsumaria Tv - بوتين واردوغان يوقعان اتفاقا مشتركا لوقف اطلاق النار في ادلب',
  head:
    '<meta property="og:site_name" content="Alsumaria Tv">' +
    '<meta property="og:title" content="Alsumaria Tv - بوتين واردوغان يوقعان اتفاقا مشتركا لوقف اطلاق النار في ادلب">' +
    '<meta property="article:published_time" content="2020-03-05T12:24:00+03:00">',
  body: `<article lang="ar"><div class="story"><article lang="ar" class="story-body">${paragraphs(ARABIC_PARAGRAPHS)}
    <section><article lang="ar"><p>${ARABIC_PARAGRAPHS[3]} وهذه فقرة داخل مقالة متداخلة ثالثة.</p></article></section>
    ${paragraphs(ARABIC_PARAGRAPHS.slice(0, 2))}</article></div></article>`,
});

/** An Arabic title that opens with a Latin name: first-strong (dir=auto) would set it left to right. */
export const arabicLatinFirstTitle = page({
  lang: 'ar',
  title: 'iPhone 17 يصل إلى الأسواق العربية الأسبوع المقبل بأسعار أعلى من المتوقع',
  head: '<meta property="og:site_name" content="تقنية اليوم">',
  body: `<article><h1>iPhone 17 يصل إلى الأسواق العربية الأسبوع المقبل بأسعار أعلى من المتوقع</h1>${paragraphs(
    ARABIC_PARAGRAPHS,
  )}</article>`,
});
