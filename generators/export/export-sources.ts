/**
 * The sources bundle: everything to read, deploy and verify the generated contracts without
 * ChainFlow Studio. Each .sol exactly as compiled and deployed, per contract its ABI, creation and
 * deployed bytecode, the exact solc standard JSON input of the compile (compiler settings
 * included) for source verification on a block explorer, the compiler's full version, and the app
 * manifest.
 */
import { buildStandardJsonInput } from '../compile/standard-json.js';
import { jsonFile, type CompiledWorkspace, type ExportedFiles } from './export-types.js';

/** Explorers name a solc build `v0.8.37+commit.abcdef12`; soljson reports `0.8.37+commit.abcdef12.Emscripten.clang`. */
export function explorerCompilerVersion(compilerVersion: string): string {
  const m = /^v?(\d+\.\d+\.\d+(?:-[\w.]+)?\+commit\.[0-9a-f]+)/.exec(compilerVersion);
  return m ? `v${m[1]}` : compilerVersion;
}

export function exportSources({ generated, compiled, manifest }: CompiledWorkspace): ExportedFiles {
  const files: ExportedFiles = {};
  for (const s of generated.sources) files[s.file] = s.content;
  const contracts: { name: string; sourceFile: string }[] = [];
  for (const [sourceFile, byName] of Object.entries(compiled.contracts)) {
    for (const [name, artifact] of Object.entries(byName)) {
      if (artifact.bytecode === '0x') continue; // interfaces have no code
      contracts.push({ name, sourceFile });
      files[`${name}.abi.json`] = jsonFile(artifact.abi);
      files[`${name}.bin`] = `${artifact.bytecode}\n`;
      files[`${name}.deployed.bin`] = `${artifact.deployedBytecode}\n`;
    }
  }
  files['standard-json-input.json'] = jsonFile(buildStandardJsonInput(generated.sources, compiled.settings));
  files['compiler.json'] = jsonFile({
    compilerVersion: compiled.compilerVersion,
    explorerCompilerVersion: explorerCompilerVersion(compiled.compilerVersion),
    settings: compiled.settings,
    standardJsonInput: 'standard-json-input.json',
    contracts: contracts.map((c) => ({ ...c, fullyQualifiedName: `${c.sourceFile}:${c.name}` })),
  });
  files['manifest.json'] = jsonFile(manifest);
  return files;
}
