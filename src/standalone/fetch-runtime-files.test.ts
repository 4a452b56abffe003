import { describe, expect, it } from 'vitest';
import { fetchRuntimeFiles } from './fetch-runtime-files.js';

/** A fetch answering from a map of URL path -> body (missing: 404). */
function server(files: Record<string, string>) {
  const asked: string[] = [];
  const fetchFn = (async (input: string | URL) => {
    const path = new URL(String(input)).pathname;
    asked.push(path);
    const body = files[path];
    return body === undefined ? new Response('not found', { status: 404 }) : new Response(body, { status: 200 });
  }) as typeof fetch;
  return { fetchFn, asked };
}

const LIST = JSON.stringify({ entry: 'app.html', files: [{ path: 'app.html', bytes: 6 }, { path: 'assets/a.js', bytes: 1 }] });

describe('fetchRuntimeFiles', () => {
  it('fetches the listed files relative to the IDE page', async () => {
    const { fetchFn, asked } = server({ '/studio/standalone-files.json': LIST, '/studio/app.html': '<html>', '/studio/assets/a.js': 'x' });
    const result = await fetchRuntimeFiles('http://host/studio/index.html', fetchFn);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.entry).toBe('app.html');
    expect(result.files.map((f) => [f.path, new TextDecoder().decode(f.data)])).toEqual([['app.html', '<html>'], ['assets/a.js', 'x']]);
    expect(asked).toEqual(['/studio/standalone-files.json', '/studio/app.html', '/studio/assets/a.js']);
  });

  it('says a production build is needed in dev, or when the build wrote no list', async () => {
    const { fetchFn, asked } = server({});
    expect(await fetchRuntimeFiles('http://host/', fetchFn, true)).toEqual({ ok: false, reason: 'needs-build' });
    expect(asked).toEqual([]);
    expect(await fetchRuntimeFiles('http://host/', fetchFn)).toEqual({ ok: false, reason: 'needs-build' });
  });

  it('names the file that could not be fetched', async () => {
    const { fetchFn } = server({ '/standalone-files.json': LIST, '/app.html': '<html>' });
    expect(await fetchRuntimeFiles('http://host/', fetchFn)).toEqual({ ok: false, reason: 'failed', detail: 'assets/a.js: HTTP 404' });
  });
});
