// Types of build-freshness.js, for the TypeScript that imports it (the build script, the web bundle).

export const ROOT: string;
export const SERVER_SOURCES: string[];
export const WEB_SOURCES: string[];
export const BUILD_DIR: string;
export const STAMP_FILE: string;
export function newestMtimeMs(root: string, sources: string[]): number;
export function readStamp(root?: string): unknown;
export function serverBuild(root?: string): { state: 'missing'; entry?: undefined } | { state: 'fresh' | 'stale'; entry: string };
