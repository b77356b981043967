import { t } from '../../../src/i18n';

interface Props {
  open: boolean;
  disabled: boolean;
  onToggle(): void;
}

/** The one primary action: open the reader view (or close it when it is open). */
export function ReaderToggle({ open, disabled, onToggle }: Props) {
  return (
    <button type="button" class="primary" disabled={disabled} onClick={onToggle}>
      {open ? t('closeReader') : t('openReader')}
    </button>
  );
}
