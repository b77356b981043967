/**
 * Words that name page furniture, in class names/ids (Latin, as CMS templates are written) and in visible
 * headings (the languages our readers read). Matched against whole blocks, never against article prose.
 */

/**
 * The site's navigation, its banner and footer landmarks and its dialogs, as elements and ARIA roles: never the
 * article's text. Each pass that sets such blocks aside adds what else it means (hidden blocks, header and footer
 * elements, form controls).
 */
export const NAVIGATION_AND_DIALOGS = [
  'nav',
  'dialog',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="dialog"]',
];

/** class/id tokens of blocks that are never article content. */
export const CLUTTER_CLASS =
  /(^|[\s_-])(share|sharing|social|sociallinks|newsletter|subscribe|subscription|signup|related|recommended|recommendations|most-?(read|viewed|popular|shared)|popular|trending|episodes?|playlist|video-?(list|rail|cards?)|app-?(badges?|download|promo|store)|download-?app|cookie|consent|gdpr|comments?|disqus|breadcrumbs?|outbrain|taboola|advert|advertisement|ads?|adslot|ad-?container|sponsor(ed)?|promo|banner|paywall|tags?-?(list|cloud)|follow-?us|author-?box|read-?more|more-?stories|you-?may-?like|ticker|toolbar|print|font-?size)($|[\s_-])/i;

/** Headings of rails and boxes: the heading and the list that follows it go together. */
export const CLUTTER_HEADING = new RegExp(
  [
    // English
    'related( (stories|articles|news|posts|content|coverage))?',
    'more (stories|features|news|videos|articles|from .{1,30}|in .{1,30}|on .{1,30})',
    'most (read|viewed|popular|shared|watched)',
    'trending( now)?',
    'popular( now| stories)?',
    'read (more|next|also)',
    'you (may|might) (also )?like',
    'recommended( for you)?',
    'top stories',
    'latest (news|stories|episodes|videos)',
    'editor.?s picks?',
    'sign up',
    'subscribe',
    'newsletter',
    'share (this|on)',
    'follow us',
    'comments?',
    'leave a (comment|reply)',
    'about (me|the author)',
    'tags',
    'archives?',
    'categories',
    'advertisement',
    // Arabic
    'الأكثر (مشاهدة|قراءة|تداولا|شعبية)',
    'اخترنا لك',
    'اقرأ (أيضا|أيضاً|ايضا|المزيد)',
    '(مقالات|أخبار|اخبار|مواضيع) (ذات صلة|متعلقة|مشابهة)',
    'أحدث (الحلقات|الأخبار|الفيديوهات)',
    'آخر الأخبار',
    'شارك(ونا| المقال)?',
    'تابعونا',
    'تابع(نا)? على',
    'إشترك|اشترك',
    'النشرة (الإخبارية|البريدية)',
    'حمل تطبيق',
    'التعليقات',
    'أضف تعليق',
    'إعلان',
    // Persian
    'پربازدیدترین',
    'پربیننده‌ترین',
    'اخبار مرتبط',
    'مطالب (مرتبط|پیشنهادی)',
    'بیشتر بخوانید',
    'اشتراک‌?گذاری',
    'نظرات',
    'خبرنامه',
    'آخرین اخبار',
    // Hebrew
    'כתבות נוספות',
    'עוד בנושא',
    'הכי נקראים',
    'הנקראים ביותר',
    'שתפו',
    'שתף',
    'הירשמו',
    'ניוזלטר',
    'תגובות',
    'כתבות קשורות',
  ].join('|'),
  'i',
);

/** Short lines that are only share/tool labels: "+A", "-A", "facebook", "Twitter", "طباعة". */
export const TOOL_LABEL =
  /^(?:[+-]\s?A|A[+-]|facebook|twitter|x|whatsapp|telegram|messenger|linkedin|pinterest|reddit|email|e-mail|print|copy link|share|tweet|فيسبوك|تويتر|واتساب|تلغرام|طباعة|مشاركة|نسخ الرابط|הדפס|שתף|שתפו|چاپ|اشتراک|ارسال)$/i;

/** Hosts whose links mark a block as share bar or app badge. */
export const SHARE_OR_APP_LINK =
  /^https?:\/\/(?:[\w-]+\.)*(?:facebook\.com\/sharer|twitter\.com\/(?:intent|share)|x\.com\/intent|wa\.me|api\.whatsapp\.com|t\.me\/share|telegram\.me\/share|linkedin\.com\/share|pinterest\.com\/pin|reddit\.com\/submit|play\.google\.com\/store|apps\.apple\.com|itunes\.apple\.com|appgallery\.(?:huawei|cloud\.huawei)\.com)/i;

/** A timestamp or date as news rails print them: "14:00 | 2025-12-31", "31/12/2025", "2 hours ago", "منذ ساعتين". */
export const TIMESTAMP =
  /(\b\d{1,2}:\d{2}\b)|(\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b)|(\b\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\b)|(\b\d+\s*(minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b)|(منذ\s)|(לפני\s)|(پیش$)/i;

/** Trailing boilerplate lines of an article body. */
export const BOILERPLATE =
  /^(©|\(c\)|copyright\b|all rights reserved|جميع الحقوق محفوظة|حقوق النشر|כל הזכויות שמורות|تمامی حقوق|follow us|تابع(وا|ونا)? |comment policy|سياسة التعليق|تابع قناة)/i;
