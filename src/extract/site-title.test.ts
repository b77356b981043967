import { describe, expect, it } from 'vitest';
import { bylineOrPrinted, cleanByline, siteNameFromTitle, titleMatchingHeadline } from './site-title';

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
