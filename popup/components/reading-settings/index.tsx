import type { TargetedEvent } from 'preact';
import { t, type MessageKey } from '../../../src/i18n';
import { FONTS, LINE_HEIGHTS, WIDTHS, type Script, type Settings, type Theme } from '../../../src/settings/settings';
import type { DirectionChoice } from '../../../src/settings/site-direction';
import { FontSize } from '../font-size';

interface Props {
  settings: Settings;
  onChange(patch: Partial<Settings>): void;
  /** Script of the article in this tab: decides which font list is shown. */
  script: Script;
  /** Arabic-script article: offer Eastern Arabic digits. */
  arabicScript: boolean;
  /** Per-site direction; null when the page cannot be read. */
  direction: DirectionChoice | null;
  onDirection(choice: DirectionChoice): void;
}

const FONT_LABELS: Record<string, MessageKey> = {
  'arabic:naskh': 'fontArabicNaskh',
  'arabic:sans': 'fontArabicSans',
  'arabic:amiri': 'fontArabicAmiri',
  'arabic:vazirmatn': 'fontArabicVazirmatn',
  'persian:vazirmatn': 'fontArabicVazirmatn',
  'persian:naskh': 'fontArabicNaskh',
  'persian:sans': 'fontArabicSans',
  'urdu:nastaliq': 'fontUrduNastaliq',
  'urdu:naskh': 'fontArabicNaskh',
  'urdu:sans': 'fontArabicSans',
  'hebrew:frank-ruhl': 'fontHebrewFrankRuhl',
  'hebrew:sans': 'fontHebrewSans',
  'latin:serif': 'fontLatinSerif',
  'latin:sans': 'fontLatinSans',
  'latin:mono': 'fontLatinMono',
};
const LINE_LABELS: Record<keyof typeof LINE_HEIGHTS, MessageKey> = {
  tight: 'lineTight',
  normal: 'lineNormal',
  relaxed: 'lineRelaxed',
  loose: 'lineLoose',
};
const WIDTH_LABELS: Record<keyof typeof WIDTHS, MessageKey> = {
  narrow: 'widthNarrow',
  medium: 'widthMedium',
  wide: 'widthWide',
  full: 'widthFull',
};
const THEME_LABELS: Record<Theme, MessageKey> = {
  system: 'themeSystem',
  light: 'themeLight',
  sepia: 'themeSepia',
  dark: 'themeDark',
};
const DIRECTION_LABELS: Record<DirectionChoice, MessageKey> = { auto: 'dirAuto', rtl: 'dirRtl', ltr: 'dirLtr' };

function Select<T extends string>(props: {
  id: string;
  label: string;
  value: T;
  options: [T, string][];
  disabled?: boolean;
  onChange(value: T): void;
}) {
  return (
    <div class="row">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        disabled={props.disabled}
        onChange={(e: TargetedEvent<HTMLSelectElement>) => props.onChange(e.currentTarget.value as T)}
      >
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Every reading setting; each change is saved at once and restyles open reader views live. */
export function ReadingSettings({ settings, onChange, script, arabicScript, direction, onDirection }: Props) {
  const fonts = Object.keys(FONTS[script]) as string[];
  return (
    <section class="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('readingSettings')}</h2>
      <FontSize size={settings.fontSize} onChange={(fontSize) => onChange({ fontSize })} />
      <Select
        id="font"
        label={t('font')}
        value={settings.fonts[script] as string}
        options={fonts.map((f) => [f, t(FONT_LABELS[`${script}:${f}`]!)])}
        onChange={(value) => onChange({ fonts: { ...settings.fonts, [script]: value } })}
      />
      <Select
        id="line-height"
        label={t('lineHeight')}
        value={settings.lineHeight}
        options={(Object.keys(LINE_HEIGHTS) as (keyof typeof LINE_HEIGHTS)[]).map((k) => [k, t(LINE_LABELS[k])])}
        onChange={(lineHeight) => onChange({ lineHeight })}
      />
      <Select
        id="width"
        label={t('width')}
        value={settings.width}
        options={(Object.keys(WIDTHS) as (keyof typeof WIDTHS)[]).map((k) => [k, t(WIDTH_LABELS[k])])}
        onChange={(width) => onChange({ width })}
      />
      <Select
        id="theme"
        label={t('theme')}
        value={settings.theme}
        options={(Object.keys(THEME_LABELS) as Theme[]).map((k) => [k, t(THEME_LABELS[k])])}
        onChange={(theme) => onChange({ theme })}
      />
      <Select
        id="direction"
        label={t('textDirection')}
        value={direction ?? 'auto'}
        disabled={direction === null}
        options={(Object.keys(DIRECTION_LABELS) as DirectionChoice[]).map((k) => [k, t(DIRECTION_LABELS[k])])}
        onChange={onDirection}
      />
      <label class="check">
        <input
          type="checkbox"
          checked={settings.justify}
          onChange={(e) => onChange({ justify: e.currentTarget.checked })}
        />
        {t('justify')}
      </label>
      {arabicScript && (
        <label class="check">
          <input
            type="checkbox"
            checked={settings.easternDigits}
            onChange={(e) => onChange({ easternDigits: e.currentTarget.checked })}
          />
          {t('easternDigits')}
        </label>
      )}
    </section>
  );
}
