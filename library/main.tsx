import { render } from 'preact';
import { t, uiLocale } from '../src/i18n';
import { App } from './app';

// The page speaks the browser's language and mirrors for right-to-left ones, like the popup.
const { lang, dir } = uiLocale();
document.documentElement.lang = lang;
document.documentElement.dir = dir;
document.title = t('libraryTitle');
render(<App />, document.getElementById('app')!);
