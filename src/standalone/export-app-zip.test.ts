import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseAppConfig } from './app-config.js';
import { appSlug, buildAppZip, entryPage } from './export-app-zip.js';
import { fakeChainFile } from './test-chain-file.js';
import { testConfig } from './test-config.js';

const PAGE = `<!doctype html><html><head><title>Collaboration app</title>
<script type="module" crossorigin src="/assets/app-1.js"></script>
<link rel="modulepreload" crossorigin href="/assets/react-2.js">
<link rel="stylesheet" crossorigin href="/assets/app-3.css">
<link rel="icon" href="data:image/svg+xml,x"></head><body><div id="root"></div></body></html>`;

const runtime = () => [
  { path: 'app.html', data: strToU8(PAGE) },
  { path: 'assets/app-1.js', data: strToU8('console.log("app")') },
  { path: 'assets/react-2.js', data: strToU8('export const r = 1') },
  { path: 'assets/app-3.css', data: strToU8('body{}') },
  { path: 'assets/bpmn.woff2', data: new Uint8Array([0, 1, 2, 255]) },
];

describe('buildAppZip', () => {
  it('puts the runtime, config.json and README.txt in one folder, the app page as index.html', () => {
    // given the built runtime files and the config of a deployment
    const config = testConfig('https://node-1.consortium.example:8545');
    // when the zip is made and opened again
    const zip = buildAppZip(runtime(), config);
    const files = unzipSync(zip.bytes);
    // then it holds exactly the app's files under one folder named after the workspace
    expect(zip.folder).toBe('order-fulfilment-订单履约-app');
    expect(zip.fileName).toBe('order-fulfilment-订单履约-app.zip');
    expect(Object.keys(files).sort()).toEqual(
      ['README.txt', 'assets/app-1.js', 'assets/app-3.css', 'assets/bpmn.woff2', 'assets/react-2.js', 'config.json', 'index.html'].map((p) => `${zip.folder}/${p}`),
    );
    // the binary asset is unchanged, and config.json reads back as the same config
    expect([...files[`${zip.folder}/assets/bpmn.woff2`]]).toEqual([0, 1, 2, 255]);
    expect(parseAppConfig(strFromU8(files[`${zip.folder}/config.json`]))).toEqual({ ok: true, config });
    // the README says where the node is and how to serve the folder
    const readme = strFromU8(files[`${zip.folder}/README.txt`]);
    expect(readme).toContain('https://node-1.consortium.example:8545');
    expect(readme).toContain(`cd ${zip.folder} && python3 -m http.server 8080`);
    expect(readme).toContain('chain id 31337');
    expect(readme).toContain('0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512');
  });

  it('makes the page’s references relative and titles it with the workspace name', () => {
    const page = entryPage(PAGE, ['assets/app-1.js', 'assets/react-2.js', 'assets/app-3.css'], 'A <b> & 订单');
    expect(page).toContain('src="./assets/app-1.js"');
    expect(page).toContain('href="./assets/react-2.js"');
    expect(page).toContain('href="./assets/app-3.css"');
    expect(page).not.toContain('"/assets/');
    expect(page).toContain('<title>A &lt;b&gt; &amp; 订单</title>');
    expect(page).toContain('href="data:image/svg+xml,x"');
  });

  it('refuses runtime files without the app page', () => {
    expect(() => buildAppZip(runtime().slice(1), testConfig())).toThrow('do not include app.html');
  });

  it('leaves no build list or stray config from the build in the zip', () => {
    const files = [...runtime(), { path: 'standalone-files.json', data: strToU8('{}') }, { path: 'config.json', data: strToU8('{"stale":true}') }];
    const zip = buildAppZip(files, testConfig());
    const opened = unzipSync(zip.bytes);
    expect(opened[`${zip.folder}/standalone-files.json`]).toBeUndefined();
    expect(strFromU8(opened[`${zip.folder}/config.json`])).not.toContain('stale');
  });

  it('ships a ledger copy and encrypted key files when asked, and says so in config.json and the README', () => {
    // given the chain export of the bundled ledger and 王芳's encrypted keystore
    const keystore = JSON.stringify({ version: 3, address: '11'.repeat(20), crypto: { ciphertext: 'ab', cipher: 'aes-128-ctr' } });
    // when the zip is made with them
    const zip = buildAppZip(runtime(), testConfig(''), undefined, { chainFile: fakeChainFile(), keystores: { 'wang-fang': keystore } });
    const files = unzipSync(zip.bytes);
    // then they are in the folder, config.json points at them and reads back
    expect(strFromU8(files[`${zip.folder}/ledger/chain.ndjson`])).toBe(fakeChainFile());
    expect(strFromU8(files[`${zip.folder}/keys/wang-fang.json`])).toBe(keystore);
    const read = parseAppConfig(strFromU8(files[`${zip.folder}/config.json`]));
    expect(read).toMatchObject({ ok: true, config: { ledgerCopy: { file: 'ledger/chain.ndjson', blocks: 2, head: '0xhead' }, keyFiles: { 'wang-fang': 'keys/wang-fang.json' } } });
    const readme = strFromU8(files[`${zip.folder}/README.txt`]);
    expect(readme).toContain('Ledger copy: this app ships a copy of the bundled ledger (ledger/chain.ndjson, 2 blocks');
    expect(readme).toContain('账本副本');
  });

  it('never ships a plaintext key, a key of a stranger, or a chain of another chain id', () => {
    const plain = JSON.stringify({ version: 3, privateKey: '0x01', crypto: { ciphertext: 'ab' } });
    expect(() => buildAppZip(runtime(), testConfig(), undefined, { keystores: { 'wang-fang': plain } })).toThrow('the key of "wang-fang" is not an encrypted keystore v3: keys are never shipped in plaintext');
    expect(() => buildAppZip(runtime(), testConfig(), undefined, { keystores: { mallory: '{}' } })).toThrow('a key file for "mallory", who is not a participant');
    expect(() => buildAppZip(runtime(), testConfig(), undefined, { chainFile: fakeChainFile(1) })).toThrow('the ledger copy is of chain 1, but the deployment is on chain 31337');
  });

  it('refuses a config whose shipped files point outside the app folder', () => {
    const config = { ...testConfig(), ledgerCopy: { file: '../etc/chain', blocks: 1, head: '0x', sha256: '0x' }, keyFiles: { 'wang-fang': 'https://evil.example/k.json' } };
    expect(parseAppConfig(JSON.stringify(config))).toMatchObject({
      ok: false,
      problems: [
        { path: 'ledgerCopy.file', message: 'must be a path inside the app folder' },
        { path: 'keyFiles.wang-fang', message: 'must be a path inside the app folder' },
      ],
    });
  });

  it('makes a folder name from any workspace name', () => {
    expect(appSlug('  供应链 / Supply chain!! ')).toBe('供应链-supply-chain');
    expect(appSlug('***')).toBe('workspace');
  });
});
