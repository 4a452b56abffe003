/**
 * The Hardhat 3 project export: package.json and a checked-in package-lock.json (so `npm ci` installs
 * exactly what was tested), hardhat.config.ts with the studio's compiler settings, the generated
 * contracts byte for byte, an Ignition module, and tests generated from each process's conforming
 * paths. See hardhat-template/README.md for how the lock file is made.
 */
import templatePackage from './hardhat-template/package.json' with { type: 'json' };
import templateLock from './hardhat-template/package-lock.json' with { type: 'json' };
import { castOf } from './hardhat-cast.js';
import { GITIGNORE, TSCONFIG, printHardhatConfig } from './hardhat-config.js';
import { printHardhatReadme } from './hardhat-readme.js';
import { printProcessTests, printTestHelper } from './hardhat-tests.js';
import { IGNITION_MODULE_ID, ignitionParameters, printIgnitionModule } from './ignition-module.js';
import { jsonFile, type CompiledWorkspace, type ExportedFiles } from './export-types.js';

/** The template's package.json and package-lock.json, as npm wrote them. */
export const HARDHAT_TEMPLATE = {
  packageJson: jsonFile(templatePackage),
  packageLock: jsonFile(templateLock),
};

export function exportHardhat({ generated, compiled, manifest }: CompiledWorkspace): ExportedFiles {
  const cast = castOf(manifest);
  const files: ExportedFiles = {};
  // only the description changes: npm ci checks package.json's dependencies against the lock file
  files['package.json'] = jsonFile({ ...templatePackage, description: `${manifest.workspaceName}: ${templatePackage.description}` });
  files['package-lock.json'] = HARDHAT_TEMPLATE.packageLock;
  files['.gitignore'] = GITIGNORE;
  files['hardhat.config.ts'] = printHardhatConfig(compiled.settings, cast.outsiderAccount + 1);
  files['tsconfig.json'] = jsonFile(TSCONFIG);
  for (const s of generated.sources) files[`contracts/${s.file}`] = s.content;
  files[`ignition/modules/${IGNITION_MODULE_ID}.ts`] = printIgnitionModule(manifest, cast);
  files['ignition/parameters.example.json'] = jsonFile(ignitionParameters(cast));
  files['test/helpers/consortium.ts'] = printTestHelper(cast);
  const tests = manifest.processes.map((p) => {
    const ir = generated.processes.find((g) => g.ir.documentId === p.id)!.ir;
    return printProcessTests(manifest, p, ir, cast);
  });
  for (const t of tests) files[t.file] = t.content;
  files['README.md'] = printHardhatReadme(manifest, cast, tests);
  return files;
}
