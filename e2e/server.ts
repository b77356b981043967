import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { stripedPng } from './striped-png';

/**
 * Test pages on 127.0.0.1 (random port): fixtures at /fixtures/<slug>/, images at /img/*, PNGs of any size at
 * /generated/<width>x<height>.png (up to 10,000 px a side), extra pages
 * registered by a test, and /beacon, which records hits (the XSS test's tripwire). Anything else is 404.
 */

const FIXTURES = resolve('test/fixtures');
const ASSETS = resolve('test/assets');

export interface BeaconHit {
  path: string;
  query: URLSearchParams;
  referer: string | null;
  method: string;
}

export interface TestServer {
  origin: string;
  beaconHits: BeaconHit[];
  addPage(path: string, html: string, headers?: Record<string, string>): void;
  /** Requests to /hang/* get no answer until this is called, and a 404 after (a download a test can freeze). */
  releaseHung(): void;
  /**
   * Requests to /gated/<n>.html wait until the gate opens, then get the same page as /articles/<n>.html. The
   * promise resolves when the first gated request has arrived (a download is under way: a test can stop the
   * worker then).
   */
  gatedRequest(): Promise<void>;
  openGate(): void;
  /** Closes the gate again: later /gated/ requests wait for the next openGate. */
  closeGate(): void;
  close(): Promise<void>;
}

const JS_ONLY = `<!doctype html><html><head><title>App</title></head><body>
<noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div>
<script src="/static/js/main.3f2a.js"></script></body></html>`;

const SENTENCES = [
  'The harbour board met on Tuesday to decide the future of the old ferry pier, closed since the storm.',
  'Engineers told the board that the pilings could be repaired for a third of the cost of a new pier.',
  'Residents who use the ferry to reach the mainland asked for a date, and the board promised one by spring.',
];

/** A plain article page, `n` in its title, its text and its image's name (so every page is a different article). */
export function generatedArticle(n: number): string {
  const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>${SENTENCES[i % 3]} (Report ${n}, part ${i + 1}.)</p>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour report ${n}</title></head>
<body><header><nav><a href="/">Home</a></nav></header><article><h1>Harbour report ${n}</h1>
${paragraphs.slice(0, 3).join('\n')}<figure><img src="/img/pier-${n}.png" alt="The pier" width="120" height="80"></figure>
${paragraphs.slice(3).join('\n')}</article><footer>© The Harbour Gazette</footer></body></html>`;
}

export async function startServer(): Promise<TestServer> {
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  const beaconHits: BeaconHit[] = [];
  const hung: (() => void)[] = [];
  let released = false;
  const gated: (() => void)[] = [];
  const arrived: (() => void)[] = [];
  let gateOpen = false;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      res.end(body);
    };
    // Any path under /beacon, any method: <base> hijacks add a path, sendBeacon / ping / forms POST.
    if (url.pathname === '/beacon' || url.pathname.startsWith('/beacon/')) {
      beaconHits.push({
        path: url.pathname,
        query: url.searchParams,
        referer: req.headers.referer ?? null,
        method: req.method ?? 'GET',
      });
      return send(204, 'text/plain', '');
    }
    if (url.pathname.startsWith('/hang/')) {
      if (released) return send(404, 'text/plain', 'released');
      hung.push(() => send(404, 'text/plain', 'released'));
      return;
    }
    if (url.pathname === '/not-an-image.jpg') return send(200, 'image/jpeg', 'this is text, not a JPEG');
    // A file that is not a web page, and a page made only by scripts (the save queue's failures).
    if (url.pathname === '/files/report.pdf') return send(200, 'application/pdf', '%PDF-1.4 not really');
    if (url.pathname === '/js-only.html') return send(200, 'text/html; charset=utf-8', JS_ONLY);
    // Generated articles, each with one image of its own: /articles/<n>.html (a bench imports a thousand).
    const article = /^\/(articles|gated)\/(\d{1,6})\.html$/.exec(url.pathname);
    if (article) {
      const answer = () => send(200, 'text/html; charset=utf-8', generatedArticle(Number(article[2])));
      if (article[1] === 'articles' || gateOpen) return answer();
      gated.push(answer);
      arrived.splice(0).forEach((resolve) => resolve());
      return;
    }
    const page = pages.get(url.pathname);
    if (page) return send(200, 'text/html; charset=utf-8', page.html, page.headers);
    const fixture = /^\/fixtures\/([\w-]+)\/?$/.exec(url.pathname);
    if (fixture && existsSync(join(FIXTURES, fixture[1]!, 'source.html'))) {
      return send(200, 'text/html; charset=utf-8', readFileSync(join(FIXTURES, fixture[1]!, 'source.html')));
    }
    const generated = /^\/generated\/(\d{1,5})x(\d{1,5})\.png$/.exec(url.pathname);
    if (generated && Number(generated[1]) <= 10_000 && Number(generated[2]) <= 10_000)
      return send(200, 'image/png', stripedPng(Number(generated[1]), Number(generated[2])));
    const image = /\/img\/[^/]+\.(jpe?g|png|gif|webp)$/i.exec(url.pathname);
    if (image) {
      const png = image[1]!.toLowerCase() === 'png' || !existsSync(join(ASSETS, 'sample.jpg'));
      return send(200, png ? 'image/png' : 'image/jpeg', readFileSync(join(ASSETS, png ? 'sample.png' : 'sample.jpg')));
    }
    send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    beaconHits,
    addPage: (path, html, headers = {}) => pages.set(path, { html, headers }),
    releaseHung: () => {
      released = true;
      hung.splice(0).forEach((answer) => answer());
    },
    gatedRequest: () => (gated.length ? Promise.resolve() : new Promise<void>((resolve) => arrived.push(resolve))),
    closeGate: () => {
      gateOpen = false;
    },
    openGate: () => {
      gateOpen = true;
      gated.splice(0).forEach((answer) => answer());
    },
    close: () => {
      hung.splice(0).forEach((answer) => answer());
      gated.splice(0).forEach((answer) => answer());
      server.closeAllConnections();
      return new Promise((done) => server.close(() => done()));
    },
  };
}
