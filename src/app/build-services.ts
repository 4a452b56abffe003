/**
 * The build pipeline's real services. The generator, the compiler worker and ethers are loaded
 * on first use, so the IDE is interactive before any of them is.
 */
import type { CompilerClient } from '../compiler/compiler-client.js';
import type { BuildServices } from '../store/studio-services.js';

export function createBuildServices(): BuildServices {
  let compiler: Promise<CompilerClient> | undefined;
  return {
    async generate(workspace) {
      const { generateWorkspace } = await import('../../generators/generate-workspace.js');
      return generateWorkspace(workspace);
    },
    async compile(sources) {
      compiler ??= import('../compiler/compiler-client.js').then((m) => m.createCompilerClient());
      return (await compiler).compile(sources);
    },
    async assemble(workspace, generated, compiled) {
      const { assembleManifest } = await import('../../generators/manifest/assemble-manifest.js');
      return assembleManifest(workspace, generated, compiled);
    },
    async exportFiles(format, compiled) {
      const { exportWorkspace } = await import('../../generators/export/index.js');
      return exportWorkspace(format, compiled);
    },
    async designHash(manifest) {
      const { designHash } = await import('../chain/deploy-workspace.js');
      return designHash(manifest);
    },
  };
}
