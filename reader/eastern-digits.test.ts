// @vitest-environment jsdom
import { expect, it } from 'vitest';
import { applyEasternDigits } from './eastern-digits';

function article(html: string): HTMLElement {
  const el = document.createElement('article');
  el.setAttribute('dir', 'rtl');
  el.append(new DOMParser().parseFromString(html, 'text/html').body.firstElementChild!);
  return el;
}

it('turns digits in Arabic prose into Arabic-Indic digits', () => {
  const el = article('<p>استمرت المحادثات نحو 6 ساعات في عام 2020</p>');
  applyEasternDigits(el, 'ar');
  expect(el.textContent).toBe('استمرت المحادثات نحو ٦ ساعات في عام ٢٠٢٠');
});

it('uses Extended Arabic-Indic digits for Persian', () => {
  const el = article('<p>بیش از 3000 نسخه</p>');
  applyEasternDigits(el, 'fa');
  expect(el.textContent).toBe('بیش از ۳۰۰۰ نسخه');
});

it('leaves links, code and left-to-right runs alone', () => {
  const el = article(
    '<p>زوروا <a href="https://x.example/2024">x.example/2024</a> أو اتصلوا <bdi dir="ltr">+964 770 123</bdi> و<code>v2</code> منذ 5 أيام</p>',
  );
  applyEasternDigits(el, 'ar');
  expect(el.textContent).toBe('زوروا x.example/2024 أو اتصلوا +964 770 123 وv2 منذ ٥ أيام');
});
