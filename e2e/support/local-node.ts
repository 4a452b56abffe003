/**
 * Starts a real JSON-RPC node (Hardhat 2's node: the one that runs on Node 20) on 127.0.0.1 for
 * tests that deploy to "a real chain". Resolves once it answers eth_chainId; stop() kills it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');

export interface LocalNode {
  url: string;
  chainId: number;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (asked from the OS, so parallel runs do not collide). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function rpc(url: string, method: string, params: unknown[] = []): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  const body = (await res.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

export async function startLocalNode(opts: { port?: number; timeoutMs?: number } = {}): Promise<LocalNode> {
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'node_modules', 'hardhat', 'internal', 'cli', 'bootstrap.js'), 'node', '--hostname', '127.0.0.1', '--port', String(port), '--config', join(HERE, 'hardhat-node', 'hardhat.config.cjs')],
    { cwd: join(HERE, 'hardhat-node'), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HARDHAT_DISABLE_TELEMETRY_PROMPT: 'true' } },
  );
  let output = '';
  child.stdout?.on('data', (d) => { output = (output + d).slice(-4000); });
  child.stderr?.on('data', (d) => { output = (output + d).slice(-4000); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the local node exited (code ${child.exitCode}):\n${output}`);
    try {
      const chainId = Number(await rpc(url, 'eth_chainId'));
      return { url, chainId, stop };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`the local node did not answer on ${url} within ${opts.timeoutMs ?? 60_000} ms:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
