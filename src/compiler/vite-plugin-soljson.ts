/**
 * Vite plugin (runs in Node, inside Vite): makes solc's soljson.js available to the compiler
 * worker at `<base>soljson.js` without copying 9 MB into the repository. Dev: a middleware
 * streams it from node_modules. Build: it is emitted as an asset at the root of the output, so
 * `vite preview` and any static host serve it. Both append SOLJSON_EPILOGUE (see
 * soljson-asset.ts).
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';
import { SOLJSON_EPILOGUE, SOLJSON_FILE } from './soljson-asset.js';

export interface SoljsonPluginOptions {
  /** Defaults to the `solc` package's soljson.js, resolved from the project root. */
  soljsonPath?: string;
}

export function soljsonPlugin(options: SoljsonPluginOptions = {}): Plugin {
  let soljsonPath = options.soljsonPath ?? '';
  let publicPath = `/${SOLJSON_FILE}`;

  return {
    name: 'chainflow:soljson',

    configResolved(config) {
      soljsonPath ||= createRequire(path.join(config.root, 'package.json')).resolve('solc/soljson.js');
      publicPath = `${config.base.endsWith('/') ? config.base : `${config.base}/`}${SOLJSON_FILE}`;
    },

    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        // The worker asks for `soljson.js?v=<version>`, and Vite may add `&import`.
        if ((req.url ?? '').split('?')[0] !== publicPath) return next();
        res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        const stream = createReadStream(soljsonPath);
        stream.on('error', (error) => next(new Error(`Cannot serve ${soljsonPath}: ${error.message}`)));
        stream.on('end', () => res.end(SOLJSON_EPILOGUE));
        stream.pipe(res, { end: false });
      });
    },

    generateBundle() {
      if (this.environment.config.consumer !== 'client') return;
      this.emitFile({
        type: 'asset',
        fileName: SOLJSON_FILE,
        source: readFileSync(soljsonPath, 'utf8') + SOLJSON_EPILOGUE,
      });
    },
  };
}
