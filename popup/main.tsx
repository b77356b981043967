import './popup.css';
import { render } from 'preact';
import { uiLocale } from '../src/i18n';
import { App } from './app';

// The popup speaks the browser's language and mirrors for right-to-left ones.
const { lang, dir } = uiLocale();
document.documentElement.lang = lang;
document.documentElement.dir = dir;
render(<App />, document.getElementById('app')!);
