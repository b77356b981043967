import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../src/i18n';
import {
  loadRemovedBlocks,
  onRemovedBlocksChanged,
  restoreRemovedBlock,
  type RemovedBlock,
} from '../../../src/site-rules/removed-blocks';

interface Props {
  /** The page's address: the list is this site's. */
  url: string;
}

/** The blocks removed in the reader on this site, each with "Restore" (an open reader shows it again at once). */
export function RemovedBlocks({ url }: Props) {
  const [blocks, setBlocks] = useState<RemovedBlock[]>([]);
  useEffect(() => {
    void loadRemovedBlocks(url).then(setBlocks);
    return onRemovedBlocksChanged(url, setBlocks);
  }, [url]);
  if (!blocks.length) return null;
  return (
    <section class="removed-blocks" aria-labelledby="removed-blocks-title">
      <h2 id="removed-blocks-title">{t('removedBlocksTitle')}</h2>
      <ul>
        {blocks.map((block) => (
          <li key={block.id}>
            <span class="label" dir="auto">
              {block.label}
            </span>
            <button
              type="button"
              aria-label={t('restoreBlockLabel', block.label)}
              onClick={() => void restoreRemovedBlock(url, block.id)}
            >
              {t('restoreBlock')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
