import { describe, expect, it } from 'vitest';
import { appConfigFor, parseAppConfig } from './app-config.js';
import { testConfig } from './test-config.js';

describe('parseAppConfig', () => {
  it('accepts what appConfigFor writes, with the network and the deployment', () => {
    // given the config "Export app" writes
    const written = testConfig();
    // when it is read back from its JSON text
    const read = parseAppConfig(JSON.stringify(written));
    // then it is the same config
    expect(read).toEqual({ ok: true, config: written });
    expect(written).toMatchObject({ rpcUrl: 'http://127.0.0.1:8545', chainId: 31337, networkName: 'Consortium test net', exportedAt: '2026-05-02T08:00:00.000Z' });
  });

  it('names the path of each problem', () => {
    // given a config whose process has no address and whose chain ids disagree
    const config = testConfig() as unknown as Record<string, unknown> & { deployment: { processes: object; chainId: number } };
    config.deployment.processes = {};
    config.deployment.chainId = 1;
    delete config.rpcUrl;
    // when it is parsed
    const read = parseAppConfig(JSON.stringify(config));
    // then each problem is located
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toEqual([
      { path: 'rpcUrl', message: 'must be a string (may be empty)' },
      { path: 'deployment.chainId', message: 'is 1, but chainId is 31337' },
      { path: 'deployment.processes.order.address', message: 'process "order" has no deployed address' },
    ]);
  });

  it('says when the text is not JSON or not an object', () => {
    expect(parseAppConfig('<html>')).toMatchObject({ ok: false, problems: [{ path: '', message: expect.stringContaining('config.json is not JSON') }] });
    expect(parseAppConfig('[1]')).toEqual({ ok: false, problems: [{ path: '', message: 'config.json must hold an object' }] });
  });

  it('carries the view permissions of the export, and names the path of a malformed one', () => {
    // given a config written with data assets and a regulator's links
    const viewPermissions = {
      dataAssets: [{ id: 'price', name: '价格', kind: 'process-fields' as const, process: 'order', fields: ['unitPrice'], readers: { roles: ['buyer'] } }],
      regulates: { 'li-wei': ['order'] },
    };
    const base = testConfig();
    const written = appConfigFor(base.manifest, base.deployment, { rpcUrl: base.rpcUrl, name: base.networkName }, new Date(base.exportedAt), viewPermissions);
    // then they come back as written
    expect(parseAppConfig(JSON.stringify(written))).toEqual({ ok: true, config: { ...written, viewPermissions } });
    // and a damaged one is refused with where it is wrong
    const bad = { ...written, viewPermissions: { dataAssets: [{ id: 'x', kind: 'document', readers: { roles: 'buyer' } }, 3], regulates: { 'li-wei': 'order' } } };
    const read = parseAppConfig(JSON.stringify(bad));
    expect(read.ok ? [] : read.problems.map((p) => p.path)).toEqual([
      'viewPermissions.dataAssets[0].readers', 'viewPermissions.dataAssets[1]', 'viewPermissions.regulates.li-wei',
    ]);
  });
});
