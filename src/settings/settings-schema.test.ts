import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, FONT_SIZES, migrateSettings, SETTINGS_VERSION, stepFontSize } from './settings-schema';

describe('migrateSettings', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('upgrades version 1 ({ fontSize, theme }) without losing the reader’s choices', () => {
    const upgraded = migrateSettings({ version: 1, values: { fontSize: 26, theme: 'sepia' } });
    expect(upgraded).toEqual({ ...DEFAULT_SETTINGS, fontSize: 26, theme: 'sepia' });
  });

  it('upgrades version 2: Persian and Urdu get their own faces, a Vazirmatn reader keeps Vazirmatn for Persian', () => {
    const v2 = (arabic: string) =>
      migrateSettings({ version: 2, values: { fontSize: 22, fonts: { arabic, hebrew: 'sans', latin: 'sans' } } }).fonts;
    expect(v2('amiri')).toEqual({
      arabic: 'amiri',
      persian: 'vazirmatn',
      urdu: 'nastaliq',
      hebrew: 'sans',
      latin: 'sans',
    });
    expect(v2('vazirmatn').persian).toBe('vazirmatn');
    expect(v2('sans').urdu).toBe('nastaliq');
  });

  it('keeps current values as they are', () => {
    const values = {
      ...DEFAULT_SETTINGS,
      fontSize: 32,
      lineHeight: 'loose',
      width: 'wide',
      justify: true,
      fonts: { arabic: 'amiri', persian: 'naskh', urdu: 'sans', hebrew: 'sans', latin: 'mono' },
    };
    expect(migrateSettings({ version: SETTINGS_VERSION, values })).toEqual(values);
  });

  it('repairs damaged or foreign values field by field', () => {
    const repaired = migrateSettings({
      version: SETTINGS_VERSION,
      values: {
        fontSize: 'huge',
        theme: 'neon',
        fonts: { arabic: 'comic', latin: 'sans' },
        lineHeight: 3,
        justify: 'yes',
      },
    });
    expect(repaired.fontSize).toBe(DEFAULT_SETTINGS.fontSize);
    expect(repaired.theme).toBe('system');
    expect(repaired.fonts).toEqual({
      arabic: 'naskh',
      persian: 'vazirmatn',
      urdu: 'nastaliq',
      hebrew: 'frank-ruhl',
      latin: 'sans',
    });
    expect(repaired.lineHeight).toBe('normal');
    expect(repaired.justify).toBe(false);
  });

  it('snaps a size between steps to the nearest step', () => {
    expect(migrateSettings({ version: SETTINGS_VERSION, values: { fontSize: 23 } }).fontSize).toBe(22);
  });
});

describe('stepFontSize', () => {
  it('offers at least 12 steps and walks them one at a time', () => {
    expect(FONT_SIZES.length).toBeGreaterThanOrEqual(12);
    expect(stepFontSize(20, 1)).toBe(22);
    expect(stepFontSize(20, -1)).toBe(19);
  });

  it('stops at both ends', () => {
    expect(stepFontSize(FONT_SIZES[0], -1)).toBe(FONT_SIZES[0]);
    expect(stepFontSize(FONT_SIZES[FONT_SIZES.length - 1]!, 1)).toBe(FONT_SIZES[FONT_SIZES.length - 1]);
  });
});
