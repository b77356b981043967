import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';

/** The fixture corpus: test/fixtures/<slug>/source.html, with checks.json's isArticle. */
export interface Fixture {
  slug: string;
  isArticle: boolean;
  bytes: number;
}

export function fixtures(): Fixture[] {
  const root = 'test/fixtures';
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'source.html')))
    .map((d) => ({
      slug: d.name,
      isArticle: (JSON.parse(readFileSync(join(root, d.name, 'checks.json'), 'utf8')) as { isArticle: boolean })
        .isArticle,
      bytes: readFileSync(join(root, d.name, 'source.html')).length,
    }))
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

/**
 * Only the test server answers: every other http(s) request is aborted, so no fixture's scripts, fonts or
 * trackers reach the network. Playwright's routing intercepts every request of the context, the extension's own
 * chrome-extension:// loads included (each one then waits for this process to answer), so timed sections that
 * load Qari's pages call pause(): routing is off and any external request is counted as escaped instead.
 */
export interface Blocker {
  blocked: number;
  escaped: number;
  pause(): Promise<void>;
  resume(): Promise<void>;
}

export async function blockExternal(ctx: BrowserContext, origin: string): Promise<Blocker> {
  const external = (url: URL) => /^https?:$/.test(url.protocol) && url.origin !== origin;
  const route = (r: Route) => {
    blocker.blocked++;
    return r.abort('blockedbyclient');
  };
  let paused = false;
  ctx.on('request', (request) => {
    if (paused && external(new URL(request.url()))) blocker.escaped++;
  });
  const blocker: Blocker = {
    blocked: 0,
    escaped: 0,
    pause: async () => {
      await ctx.unroute(external, route);
      paused = true;
    },
    resume: async () => {
      paused = false;
      await ctx.route(external, route);
    },
  };
  await blocker.resume();
  return blocker;
}
