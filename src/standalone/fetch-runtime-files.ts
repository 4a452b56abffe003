/**
 * The built standalone app's files, fetched by the IDE from its own server: the list the build
 * wrote (standalone-files.json), then each file. The dev server has no built runtime, which is
 * said as such ('needs-build') rather than as a failed download.
 */
import type { RuntimeFile } from './export-app-zip.js';
import { STANDALONE_FILES, type StandaloneFileList } from './standalone-files.js';

export type RuntimeFiles = { ok: true; entry: string; files: RuntimeFile[] } | { ok: false; reason: 'needs-build' } | { ok: false; reason: 'failed'; detail: string };

export async function fetchRuntimeFiles(base: string, fetchFn: typeof fetch = fetch, isDev = false): Promise<RuntimeFiles> {
  if (isDev) return { ok: false, reason: 'needs-build' };
  const url = (path: string) => new URL(path, base).href;
  let list: StandaloneFileList;
  try {
    const res = await fetchFn(url(STANDALONE_FILES), { cache: 'no-cache' });
    if (res.status === 404) return { ok: false, reason: 'needs-build' };
    if (!res.ok) return { ok: false, reason: 'failed', detail: `${STANDALONE_FILES}: HTTP ${res.status}` };
    list = (await res.json()) as StandaloneFileList;
  } catch (e) {
    return { ok: false, reason: 'failed', detail: `${STANDALONE_FILES}: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!Array.isArray(list.files) || typeof list.entry !== 'string') return { ok: false, reason: 'failed', detail: `${STANDALONE_FILES} is not a file list` };
  try {
    const files = await Promise.all(
      list.files.map(async ({ path }) => {
        const res = await fetchFn(url(path));
        if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
        return { path, data: new Uint8Array(await res.arrayBuffer()) };
      }),
    );
    return { ok: true, entry: list.entry, files };
  } catch (e) {
    return { ok: false, reason: 'failed', detail: e instanceof Error ? e.message : String(e) };
  }
}
