import { describe, expect, it } from 'vitest';
import {
  bylineOrPrinted,
  cleanByline,
  isSiteByline,
  namesSite,
  siteNameFromTitle,
  stripSiteName,
  titleMatchingHeadline,
} from './site-title';

describe('siteNameFromTitle', () => {
  it('reads the site from a title suffix that spells the host', () => {
    expect(siteNameFromTitle('Caching build outputs | Tidewater', 'https://tidewater.dev/docs/guides/caching')).toBe(
      'Tidewater',
    );
    expect(siteNameFromTitle('Karsby Point Lighthouse - Openpedia', 'https://en.openpedia.org/wiki/Karsby')).toBe(
      'Openpedia',
    );
    expect(siteNameFromTitle('Harbour Herald — Ferry cut', 'https://www.harbourherald.co.uk/news/1')).toBe(
      'Harbour Herald',
    );
  });
  it('is null when no part of the title is the host', () => {
    expect(siteNameFromTitle('Ferries: the winter timetable', 'https://tidewater.dev/a')).toBeNull();
    expect(siteNameFromTitle('No separator here', 'https://tidewater.dev/a')).toBeNull();
    expect(siteNameFromTitle('A | B', 'not a url')).toBeNull();
  });
});

describe('titleMatchingHeadline', () => {
  it("prefers the candidate the page's h1 repeats over a JSON-LD description-like headline", () => {
    expect(
      titleMatchingHeadline(
        ['disused lighthouse on the east coast of England', null, 'Karsby Point Lighthouse - Openpedia'],
        'Karsby Point Lighthouse',
      ),
    ).toBe('Karsby Point Lighthouse');
  });
  it('keeps the first candidate when the headline matches none', () => {
    expect(titleMatchingHeadline(['Ferry cut', 'Ferry cut | Herald'], 'Menu')).toBe('Ferry cut');
    expect(titleMatchingHeadline([null, ''], null)).toBeNull();
  });
});

describe('cleanByline', () => {
  it.each([
    ['By Ellen Marsh', null, 'Ellen Marsh'],
    ['by Ellen Marsh', null, 'Ellen Marsh'],
    ['بقلم ريتا عيسى', null, 'ريتا عيسى'],
    ['מאת: דנה כהן', null, 'דנה כהן'],
    ['به قلم زهرا میرحسینی', null, 'زهرا میرحسینی'],
    ['العربية.نت - سارة الغامدي', 'العربية', 'سارة الغامدي'],
  ])('%s → %s', (byline, site, expected) => {
    expect(cleanByline(byline, site)).toBe(expected);
  });
  it('keeps a byline that is only the organisation, and names that start like the prefixes', () => {
    expect(cleanByline('Eastbrook Voice editors', 'Eastbrook Voice')).toBe('Eastbrook Voice editors');
    expect(cleanByline('Byron Katie', null)).toBe('Byron Katie');
    expect(cleanByline(null, 'X')).toBeNull();
  });
});

describe('bylineOrPrinted', () => {
  it("prefers the byline printed on the page when the metadata's author is the site itself", () => {
    expect(bylineOrPrinted('BBC News عربي', 'BBC News عربي', 'نور الهدى القاضي')).toBe('نور الهدى القاضي');
    expect(bylineOrPrinted(null, null, 'Ellen Marsh')).toBe('Ellen Marsh');
  });
  it("keeps a person's byline from the metadata", () => {
    expect(bylineOrPrinted('Priya Raman', 'The Courier', 'the Courier team')).toBe('Priya Raman');
    expect(bylineOrPrinted('Priya Raman', 'The Courier', null)).toBe('Priya Raman');
  });
});

describe('stripSiteName', () => {
  it.each([
    [
      'Alsumaria Tv - بوتين واردوغان يوقعان اتفاقا',
      'السومرية نيوز',
      'https://www.alsumaria.tv/news/1',
      'بوتين واردوغان يوقعان اتفاقا',
    ],
    [
      'بوتين واردوغان يوقعان اتفاقا | Alsumaria Tv',
      null,
      'https://www.alsumaria.tv/news/1',
      'بوتين واردوغان يوقعان اتفاقا',
    ],
    ['خبرآنلاین :: قیمت دلار امروز', 'خبرآنلاین', 'https://www.khabaronline.ir/news/2', 'قیمت دلار امروز'],
    ['قیمت دلار امروز » خبرآنلاین', 'خبرآنلاین', null, 'قیمت دلار امروز'],
    ['Ferry cut – Harbour Herald News', 'Harbour Herald', null, 'Ferry cut'],
  ])('%s → %s', (title, site, url, expected) => {
    expect(stripSiteName(title, site, url)).toBe(expected);
  });
  it('keeps a headline that only starts with the site name, and keeps the middle of a three-part title', () => {
    expect(stripSiteName('Apple unveils a new phone | The Verge', null, 'https://www.apple.com/x')).toBe(
      'Apple unveils a new phone | The Verge',
    );
    expect(stripSiteName('Harbour Herald - Ferries: cut - Harbour Herald', 'Harbour Herald')).toBe('Ferries: cut');
  });
});

describe('titleMatchingHeadline: the headline in the page language', () => {
  const urdu = 'لاہور میں سموگ: اسکولوں کے اوقات تبدیل';
  it('takes the Urdu h1 over English title candidates on an Urdu page', () => {
    expect(titleMatchingHeadline(['Smog in Lahore: school hours changed'], urdu, 'ur')).toBe(urdu);
    expect(titleMatchingHeadline(['Smog in Lahore: school hours changed'], urdu, null)).toBe(urdu);
  });
  it('keeps the candidate when the page says it is English, or the h1 is a masthead', () => {
    expect(titleMatchingHeadline(['Smog in Lahore'], urdu, 'en')).toBe('Smog in Lahore');
    expect(titleMatchingHeadline(['Smog in Lahore'], 'روزنامہ جنگ', 'ur')).toBe('Smog in Lahore');
  });
});

describe('namesSite', () => {
  it('knows the site by name, longer name or host', () => {
    expect(namesSite('Khabaronline News Agency', 'خبرآنلاین', 'https://www.khabaronline.ir/a')).toBe(true);
    expect(namesSite('سایت خبرگزاری خبرآنلاین', 'خبرآنلاین', 'https://www.khabaronline.ir/a')).toBe(true);
    expect(namesSite('زهرا میرحسینی', 'خبرآنلاین', 'https://www.khabaronline.ir/a')).toBe(false);
  });
});

describe('isSiteByline', () => {
  it('knows the site, and the site with its organisation name in another script, as no author', () => {
    expect(isSiteByline('Khabaronline News Agency - سایت خبرگزاری خبرآنلاین', 'خبرآنلاین', null)).toBe(true);
    expect(isSiteByline('Alsumaria Tv', 'Alsumaria Tv', null)).toBe(true);
    expect(isSiteByline('زهرا میرحسینی', 'خبرآنلاین', null)).toBe(false);
    expect(isSiteByline('خبرآنلاین - زهرا میرحسینی', 'خبرآنلاین', null)).toBe(false);
    expect(isSiteByline('Ellen Marsh, Harbour Herald', 'Harbour Herald', null)).toBe(false);
  });
});
