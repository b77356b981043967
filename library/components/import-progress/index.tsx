import { useEffect, useState } from 'preact/hooks';
import { formatNumber, t } from '../../../src/i18n';
import { onQueueProgress, queueControl, queueStatus, type QueueAction, type QueueStatus } from '../../queue-client';

/**
 * The save queue's progress: a bar over saved + failed + already saved of all, the four counts, pause /
 * resume / cancel, and the pages that failed with the reason in plain words and Retry. Hidden while the
 * queue is empty, or when this Qari's background has no queue to ask.
 */
export function ImportProgress({ started, onProgress }: { started: number; onProgress(): void }) {
  const [status, setStatus] = useState<QueueStatus | null>(null);

  const refresh = () =>
    queueStatus()
      .then(setStatus)
      .catch(() => setStatus(null));

  useEffect(() => {
    void refresh();
    return onQueueProgress((snapshot) => {
      setStatus((current) => (current ? { ...current, ...snapshot } : current));
      onProgress();
      // Failures and the paused flag come with the full status.
      void refresh();
    });
  }, [started]);

  if (!status) return null;
  const { saved, failed, alreadySaved, running } = status.overall;
  // A page being downloaded now is not done: it counts as left (the bar would otherwise run ahead of the saves).
  const left = status.overall.left + running;
  const total = saved + failed + alreadySaved + left;
  if (total === 0) return null;
  const done = total - left;
  const act = (action: QueueAction) => void queueControl(action).then(refresh, refresh);

  return (
    <section class="import-progress" id="import-progress" aria-label={t('progressTitle')}>
      <h2>{t('progressTitle')}</h2>
      <progress max={total} value={done} aria-valuetext={`${formatNumber(done)} / ${formatNumber(total)}`} />
      <ul class="counts">
        <li>{t('progressSaved', formatNumber(saved))}</li>
        <li>{t('progressFailed', formatNumber(failed))}</li>
        <li>{t('progressLeft', formatNumber(left))}</li>
        <li>{t('progressAlready', formatNumber(alreadySaved))}</li>
      </ul>
      <div class="controls">
        {left > 0 &&
          (status.paused ? (
            <button type="button" onClick={() => act('resume')}>
              {t('resume')}
            </button>
          ) : (
            <button type="button" onClick={() => act('pause')}>
              {t('pause')}
            </button>
          ))}
        {left > 0 && (
          <button type="button" onClick={() => act('cancel')}>
            {t('cancel')}
          </button>
        )}
      </div>
      {status.failures.length > 0 && (
        <div class="failures">
          <h3>{t('failuresTitle')}</h3>
          <button type="button" onClick={() => act('retryFailed')}>
            {t('retryFailed')}
          </button>
          <ul>
            {status.failures.map((failure) => (
              <li key={failure.id}>
                <span class="failure-title" dir="auto">
                  {failure.title || failure.url}
                </span>
                <span class="failure-reason">{failure.message}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
