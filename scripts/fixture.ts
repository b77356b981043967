/**
 * npm run fixture <slug> [<slug>…] | all
 * Regenerates expected.html and expected-metadata.json from the current extractor. Review the git diff of
 * every regenerated file before committing: these files are the record of what "correct" means.
 */
import { fixtureSlugs, writeExpected } from '../test/fixture-io';

const args = process.argv.slice(2);
if (args.length === 0) {
  process.stderr.write('usage: npm run fixture <slug>… | all\n');
  process.exit(1);
}
const slugs = args.includes('all') ? fixtureSlugs() : args;
for (const slug of slugs) {
  const meta = writeExpected(slug);
  process.stdout.write(
    `${slug}: ${meta.isArticle ? `article, ${meta.lang ?? '?'} ${meta.dir}, ${meta.readingTimeMinutes} min` : 'not an article'}\n`,
  );
}
