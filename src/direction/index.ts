/**
 * Direction handling for the reading view: detect an article's base direction, then annotate its blocks
 * and isolate scramble-prone runs. Pure DOM code: runs in jsdom and in a content script alike.
 */
export { countProseStrong } from './count-prose-strong';
export { countStrong, countScripts, scriptOf, strongDirectionAt, isRtlCodePoint } from './strong-chars';
export type { StrongCounts, Script } from './strong-chars';
export { langDirection, normalizeLang } from './lang-direction';
export { inferLang } from './infer-lang';
export { detectBaseDirection } from './detect-base-direction';
export type { BaseDirection, DirectionSignals } from './detect-base-direction';
export { annotateBlocks } from './annotate-blocks';
export type { AnnotateOptions, AnnotateResult } from './annotate-blocks';
export { findIsolationRuns } from './find-isolation-runs';
export type { IsolationRun } from './find-isolation-runs';
