import { FONTS, LINE_HEIGHTS, WIDTHS, type Settings } from '../src/settings/settings';

/** CSS font stacks for each choice: the bundled face first, then sensible system fallbacks. */
const STACKS: Record<string, string> = {
  'arabic:naskh': "'Noto Naskh Arabic', 'Noto Sans Arabic', serif",
  'arabic:sans': "'Noto Sans Arabic', 'Noto Naskh Arabic', sans-serif",
  'arabic:amiri': "'Amiri', 'Noto Naskh Arabic', serif",
  'arabic:vazirmatn': "'Vazirmatn', 'Noto Sans Arabic', sans-serif",
  'persian:vazirmatn': "'Vazirmatn', 'Noto Sans Arabic', sans-serif",
  'persian:naskh': "'Noto Naskh Arabic', 'Noto Sans Arabic', serif",
  'persian:sans': "'Noto Sans Arabic', 'Vazirmatn', sans-serif",
  'urdu:nastaliq': "'Noto Nastaliq Urdu', 'Noto Naskh Arabic', serif",
  'urdu:naskh': "'Noto Naskh Arabic', 'Noto Nastaliq Urdu', serif",
  'urdu:sans': "'Noto Sans Arabic', 'Noto Nastaliq Urdu', sans-serif",
  'hebrew:frank-ruhl': "'Frank Ruhl Libre', 'Noto Sans Hebrew', serif",
  'hebrew:sans': "'Noto Sans Hebrew', 'Frank Ruhl Libre', sans-serif",
  'latin:serif': "Charter, 'Bitstream Charter', 'Iowan Old Style', Georgia, 'DejaVu Serif', serif",
  'latin:sans': "system-ui, 'Segoe UI', 'Noto Sans', 'DejaVu Sans', sans-serif",
  'latin:mono': "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace",
};

/**
 * Reading settings become CSS custom properties and data attributes on the root: changing one restyles
 * the open article at once, with no re-render and no layout work beyond what the browser does anyway.
 */
export function applySettings(settings: Settings, root: HTMLElement = document.documentElement): void {
  const set = (name: string, value: string) => root.style.setProperty(name, value);
  set('--qari-font-size', `${settings.fontSize}px`);
  set('--qari-width', WIDTHS[settings.width]);
  set('--qari-line-scale', String(LINE_HEIGHTS[settings.lineHeight]));
  for (const script of Object.keys(FONTS) as (keyof typeof FONTS)[]) {
    set(`--qari-font-${script}`, STACKS[`${script}:${settings.fonts[script]}`]!);
  }
  root.dataset.theme = settings.theme;
  root.dataset.justify = String(settings.justify);
}
