import { formatNumber, t } from '../../../src/i18n';
import { FONT_SIZES, stepFontSize } from '../../../src/settings/settings';

interface Props {
  size: number;
  onChange(size: number): void;
}

/** Font size first: two large buttons and a readout, 14 steps from 14 px to 40 px. */
export function FontSize({ size, onChange }: Props) {
  return (
    <div class="font-size" role="group" aria-labelledby="font-size-label">
      <span id="font-size-label" class="label">
        {t('fontSize')}
      </span>
      <button
        type="button"
        class="step"
        aria-label={t('decreaseFontSize')}
        disabled={size <= FONT_SIZES[0]}
        onClick={() => onChange(stepFontSize(size, -1))}
      >
        <span aria-hidden="true" class="small-a">
          A
        </span>
      </button>
      <output class="readout" aria-live="polite" aria-label={t('fontSize')}>
        {formatNumber(size)}
      </output>
      <button
        type="button"
        class="step"
        aria-label={t('increaseFontSize')}
        disabled={size >= FONT_SIZES[FONT_SIZES.length - 1]!}
        onClick={() => onChange(stepFontSize(size, 1))}
      >
        <span aria-hidden="true" class="large-a">
          A
        </span>
      </button>
    </div>
  );
}
