/**
 * The shape of reading settings, their defaults and the migrations between stored versions. Pure: no
 * browser APIs, so it is unit-tested directly.
 */

export type Theme = 'system' | 'light' | 'sepia' | 'dark';
/**
 * A reading tradition rather than a bare script: Arabic script is read in Naskh by Arabic readers, in a Persian
 * face (Vazirmatn) by Persian readers and in Nastaliq by Urdu, Kashmiri, Shahmukhi Punjabi and Balochi readers, so
 * each has its own font choice (see src/reading-script.ts for which languages go where).
 */
export type Script = 'arabic' | 'persian' | 'urdu' | 'hebrew' | 'latin';

/**
 * Font choices per script, only faces that cover that script's letters well; each is bundled (Arabic script and
 * Hebrew, with its own Latin for Latin words inside) or a system stack (Latin).
 */
export const FONTS = {
  arabic: {
    naskh: 'Noto Naskh Arabic',
    sans: 'Noto Sans Arabic',
    amiri: 'Amiri',
    vazirmatn: 'Vazirmatn',
  },
  // Vazirmatn first: made for Persian, the face of much of the Persian web (its Persian digits ۴۵۶ have the
  // Persian shapes, its Latin matches it); Naskh reads as Arabic or Quranic to many Persian readers.
  persian: {
    vazirmatn: 'Vazirmatn',
    naskh: 'Noto Naskh Arabic',
    sans: 'Noto Sans Arabic',
  },
  // Nastaliq is how Urdu is printed; Naskh and Sans stay for readers who want a plainer, more compact face.
  // Vazirmatn and Amiri are left out: they lack or misdraw Urdu letters (ٹ ڈ ڑ ں ے).
  urdu: {
    nastaliq: 'Noto Nastaliq Urdu',
    naskh: 'Noto Naskh Arabic',
    sans: 'Noto Sans Arabic',
  },
  hebrew: {
    'frank-ruhl': 'Frank Ruhl Libre',
    sans: 'Noto Sans Hebrew',
  },
  latin: {
    serif: 'Serif',
    sans: 'Sans-serif',
    mono: 'Monospace',
  },
} as const satisfies Record<Script, Record<string, string>>;

export type FontChoice<S extends Script = Script> = keyof (typeof FONTS)[S] & string;

/** 14 steps: the first step a reader with low vision needs is never more than a click or two away. */
export const FONT_SIZES = [14, 15, 16, 17, 18, 19, 20, 22, 24, 26, 28, 32, 36, 40] as const;
/** Multipliers of each script's own default line height (Arabic needs more than Latin to begin with). */
export const LINE_HEIGHTS = { tight: 0.9, normal: 1, relaxed: 1.12, loose: 1.25 } as const;
/** Measure of the text column. */
export const WIDTHS = { narrow: '32rem', medium: '38rem', wide: '46rem', full: '64rem' } as const;

export interface Settings {
  /** Body font size in CSS px for Latin text; Arabic script is set 12% larger (see reader.css). */
  fontSize: number;
  fonts: {
    arabic: FontChoice<'arabic'>;
    persian: FontChoice<'persian'>;
    urdu: FontChoice<'urdu'>;
    hebrew: FontChoice<'hebrew'>;
    latin: FontChoice<'latin'>;
  };
  lineHeight: keyof typeof LINE_HEIGHTS;
  width: keyof typeof WIDTHS;
  theme: Theme;
  /** Justify with word spacing only (never letter spacing: it breaks Arabic joining). */
  justify: boolean;
  /** Show ٠١٢٣ (Persian: ۰۱۲۳) instead of 0123 in Arabic-script articles. */
  easternDigits: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  fontSize: 20,
  fonts: { arabic: 'naskh', persian: 'vazirmatn', urdu: 'nastaliq', hebrew: 'frank-ruhl', latin: 'serif' },
  lineHeight: 'normal',
  width: 'medium',
  theme: 'system',
  justify: false,
  easternDigits: false,
};

export const SETTINGS_VERSION = 3;

export interface StoredSettings {
  version: number;
  values: Record<string, unknown>;
}

/**
 * Each entry upgrades stored values from version N (index N-1) to N+1. Never edit one once released.
 * v1 (0.1.0) stored { fontSize, theme } only.
 */
const MIGRATIONS: ((values: Record<string, unknown>) => Record<string, unknown>)[] = [
  (v1) => ({
    ...v1,
    fonts: DEFAULT_SETTINGS.fonts,
    lineHeight: 'normal',
    width: 'medium',
    justify: false,
    easternDigits: false,
  }),
  // v3: Persian and Urdu got font choices of their own. Persian used to be set in the Arabic choice; a reader who
  // picked Vazirmatn for Arabic keeps it, anything else moves to the new defaults.
  (v2) => {
    const fonts = (v2['fonts'] ?? {}) as Record<string, unknown>;
    return {
      ...v2,
      fonts: {
        ...fonts,
        persian: fonts['arabic'] === 'vazirmatn' ? 'vazirmatn' : DEFAULT_SETTINGS.fonts.persian,
        urdu: DEFAULT_SETTINGS.fonts.urdu,
      },
    };
  },
];

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** Stored (any version, possibly damaged) → current settings. Unknown or broken values fall back to defaults. */
export function migrateSettings(stored: Partial<StoredSettings> | undefined): Settings {
  let values: Record<string, unknown> = { ...(stored?.values ?? {}) };
  for (let v = stored?.version ?? SETTINGS_VERSION; v < SETTINGS_VERSION; v++)
    values = MIGRATIONS[v - 1]?.(values) ?? values;
  const fonts = (values['fonts'] ?? {}) as Record<string, unknown>;
  const size = Number(values['fontSize']);
  return {
    fontSize: FONT_SIZES.includes(size as (typeof FONT_SIZES)[number]) ? size : nearestSize(size),
    fonts: {
      arabic: oneOf(
        fonts['arabic'],
        Object.keys(FONTS.arabic) as FontChoice<'arabic'>[],
        DEFAULT_SETTINGS.fonts.arabic,
      ),
      persian: oneOf(
        fonts['persian'],
        Object.keys(FONTS.persian) as FontChoice<'persian'>[],
        DEFAULT_SETTINGS.fonts.persian,
      ),
      urdu: oneOf(fonts['urdu'], Object.keys(FONTS.urdu) as FontChoice<'urdu'>[], DEFAULT_SETTINGS.fonts.urdu),
      hebrew: oneOf(
        fonts['hebrew'],
        Object.keys(FONTS.hebrew) as FontChoice<'hebrew'>[],
        DEFAULT_SETTINGS.fonts.hebrew,
      ),
      latin: oneOf(fonts['latin'], Object.keys(FONTS.latin) as FontChoice<'latin'>[], DEFAULT_SETTINGS.fonts.latin),
    },
    lineHeight: oneOf(
      values['lineHeight'],
      Object.keys(LINE_HEIGHTS) as (keyof typeof LINE_HEIGHTS)[],
      DEFAULT_SETTINGS.lineHeight,
    ),
    width: oneOf(values['width'], Object.keys(WIDTHS) as (keyof typeof WIDTHS)[], DEFAULT_SETTINGS.width),
    theme: oneOf(values['theme'], ['system', 'light', 'sepia', 'dark'], DEFAULT_SETTINGS.theme),
    justify: values['justify'] === true,
    easternDigits: values['easternDigits'] === true,
  };
}

function nearestSize(size: number): number {
  if (!Number.isFinite(size)) return DEFAULT_SETTINGS.fontSize;
  return FONT_SIZES.reduce((best, s) => (Math.abs(s - size) < Math.abs(best - size) ? s : best), FONT_SIZES[0]);
}

/** The next size step up (+1) or down (-1), or the same size at either end. */
export function stepFontSize(size: number, delta: 1 | -1): number {
  const index = FONT_SIZES.indexOf(nearestSize(size) as (typeof FONT_SIZES)[number]);
  return FONT_SIZES[Math.min(FONT_SIZES.length - 1, Math.max(0, index + delta))]!;
}
