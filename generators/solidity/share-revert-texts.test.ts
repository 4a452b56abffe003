/**
 * Errors with texts go through one helper per error and one table of texts (share-revert-texts.ts):
 * the pass on a small contract model (what is shared, what stays inline), and on the EVM the errors
 * the app decodes still carry the very texts of the model, Chinese ones included.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspace } from '../index.js';
import type { FeelValue } from '../feel/evaluate-feel.js';
import { deployProcess, type DeployedProcess } from '../testing/process-on-evm.js';
import { id, MSG_SENDER, num, str, type ContractDecl, type Statement } from './contract-model.js';
import { shareRevertTexts } from './share-revert-texts.js';

const notEnabled = (task: string): Statement => ({ kind: 'revert', error: 'TaskNotEnabled', args: [id('instanceId'), str(task)] });
const guarded = (s: Statement): Statement => ({ kind: 'if', cond: id('x'), then: [s] });

function contract(): ContractDecl {
  return {
    kind: 'contract', name: 'C', constants: [], stateVars: [], structs: [], events: [],
    errors: [
      { name: 'TaskNotEnabled', params: [{ type: 'uint256', name: 'instanceId' }, { type: 'string', name: 'task' }] },
      { name: 'NotRegistry', params: [{ type: 'address', name: 'caller' }] },
    ],
    functions: [
      { kind: 'function', name: 'a', visibility: 'external', mutability: 'nonpayable', params: [], returns: [], body: [guarded(notEnabled('Pack')), guarded({ kind: 'revert', error: 'NotRegistry', args: [MSG_SENDER] })] },
      { kind: 'function', name: 'b', visibility: 'external', mutability: 'nonpayable', params: [], returns: [], body: [guarded(notEnabled('装运 Ship')), guarded(notEnabled('Pack'))] },
      // a function with a return value that ends in a revert: the compiler must see the revert
      { kind: 'function', name: '_route', visibility: 'private', mutability: 'pure', params: [], returns: [{ type: 'uint256', name: '' }], body: [{ kind: 'if', cond: id('x'), then: [{ kind: 'return', value: num(1) }], else: [notEnabled('Ship later')] }] },
    ],
  };
}

describe('shareRevertTexts on a contract model', () => {
  it('calls one helper per error with numbered texts, each text once, and keeps a revert that ends a valued function', () => {
    // given reverts with texts in two functions and one ending a function with a return value
    const c = contract();
    // when the pass runs
    shareRevertTexts(c);
    const [a, b, route] = c.functions;
    // then the sites call the helper with the text's number, after a comment that spells the error out
    expect((a.body![0] as Extract<Statement, { kind: 'if' }>).then).toEqual([
      { kind: 'comment', text: 'TaskNotEnabled(instanceId, "Pack")' },
      { kind: 'expr', expr: { kind: 'call', fn: id('_revertTaskNotEnabled'), args: [id('instanceId'), num(0)] } },
    ]);
    expect((b.body![1] as Extract<Statement, { kind: 'if' }>).then[1]).toEqual({ kind: 'expr', expr: { kind: 'call', fn: id('_revertTaskNotEnabled'), args: [id('instanceId'), num(0)] } });
    // and an error without texts stays as it was, as does the revert in tail position of _route
    expect((a.body![1] as Extract<Statement, { kind: 'if' }>).then[0]).toMatchObject({ kind: 'revert', error: 'NotRegistry' });
    expect((route.body![0] as Extract<Statement, { kind: 'if' }>).else).toEqual([notEnabled('Ship later')]);
    // and one helper plus one table holding "Pack" and "装运 Ship" once each
    expect(c.functions.map((f) => f.name)).toEqual(['a', 'b', '_route', '_revertTaskNotEnabled', '_errorText']);
    expect(c.functions[3].params).toEqual([{ type: 'uint256', name: 'instanceId' }, { type: 'uint256', name: 'task' }]);
    const table = JSON.stringify(c.functions[4].body, (_, v) => (typeof v === 'bigint' ? Number(v) : v));
    expect([...table.matchAll(/"kind":"str","value":"([^"]*)"/g)].map((x) => x[1])).toEqual(['Pack', '装运 Ship']);
  });

  it('splits a long table so no function passes solhint\'s 50 lines, and a lone text takes no number', () => {
    // given 31 distinct task names in one function, and a contract with a single text
    const many = contract();
    many.functions = [{ ...many.functions[0], body: Array.from({ length: 31 }, (_, i) => guarded(notEnabled(i === 30 ? '任务 30' : `Task ${i}`))) }];
    const one = contract();
    one.functions = [one.functions[0]];
    // when the pass runs
    shareRevertTexts(many);
    shareRevertTexts(one);
    // then 0..14 sit in _errorText, which hands the rest to _errorTextFrom15 (15 ifs and the last text)
    const tables = many.functions.filter((f) => f.name.startsWith('_errorText'));
    expect(tables.map((f) => [f.name, f.body!.length])).toEqual([['_errorText', 16], ['_errorTextFrom15', 16]]);
    expect(tables[0].body![15]).toEqual({ kind: 'return', value: { kind: 'call', fn: id('_errorTextFrom15'), args: [id('k')] } });
    // and with that many texts each short one is a bytes32 and its length in UTF-8 bytes, copied by _text
    expect(tables[1].body![15]).toEqual({ kind: 'return', value: { kind: 'call', fn: id('_text'), args: [str('任务 30'), num(9)] } });
    expect(many.functions.at(-1)!.name).toBe('_text');
    // and a single text is returned whatever the number (an unused named parameter would be a warning)
    expect(one.functions.at(-1)!.params).toEqual([{ type: 'uint256', name: '' }]);
  });

  it('adds nothing to a contract whose errors carry no text', () => {
    // given only NotRegistry
    const c = contract();
    c.functions = [c.functions[0]];
    c.functions[0].body = [c.functions[0].body![1]];
    const before = structuredClone(c);
    // when the pass runs, then the contract is unchanged
    shareRevertTexts(c);
    expect(c).toEqual(before);
  });
});

describe('errors decoded from a contract with a compact table (bytes32 texts) carry the model\'s texts', () => {
  it('names tasks, roles and fields of the carrier-bound supply chain exactly', async () => {
    // given the carrier-bound supply chain (21 texts: the table copies them through _text)
    const workspace = loadWorkspace(JSON.parse(readFileSync(new URL('../../bench/processes/supply-chain-bound/workspace.json', import.meta.url), 'utf8'))).workspace!;
    const deployed = await deployProcess(workspace);
    expect(deployed.generated.sources[1].content).toContain('return _text("Calculate demand", 16);');
    const { fields, tasks } = deployed.ir;
    const values = (set: Record<string, FeelValue>) => fields.map((f) => set[f.name] ?? (f.type === 'string' ? '' : f.type === 'address' ? `0x${'0'.repeat(40)}` : 0n));
    const task = (name: string) => tasks.findIndex((t) => t.name === name);
    const [buyer, manufacturer] = ['Bulk buyer', 'Manufacturer'].map((r) => workspace.participants.find((p) => p.roles.includes(workspace.roles.find((x) => x.name === r)!.id))!.id);
    // when a manufacturer starts, a buyer starts without a product, and a buyer does the manufacturer's task
    const wrongStarter = await deployed.start(manufacturer, values({ product: 'Bolts', quantity: 5n }));
    expect([wrongStarter.error, ...wrongStarter.errorArgs!]).toEqual(['CallerLacksRole', deployed.accountOf.get(manufacturer), 'Goods ordered', 'Bulk buyer']);
    const noProduct = await deployed.start(buyer, values({ quantity: 5n }));
    expect([noProduct.error, ...noProduct.errorArgs!]).toEqual(['RequiredFieldMissing', 'Product']);
    const { instanceId } = await deployed.start(buyer, values({ product: 'Bolts', quantity: 5n }));
    const wrongCaller = await deployed.complete(instanceId!, task('Calculate demand'), buyer, values({ supplyQuantity: 1n }));
    // then each error carries the texts, whole
    expect([wrongCaller.error, ...wrongCaller.errorArgs!]).toEqual(['CallerLacksRole', deployed.accountOf.get(buyer), 'Calculate demand', 'Manufacturer']);
    const early = await deployed.complete(instanceId!, task('Place order for supplies'), manufacturer, values({ orderNo: 'PO-1' }));
    expect([early.error, ...early.errorArgs!]).toEqual(['TaskNotEnabled', instanceId, 'Place order for supplies']);
  }, 60_000);
});

describe('errors decoded from a deployed contract carry the model\'s texts', () => {
  let deployed: DeployedProcess;
  let values: (set: Record<string, FeelValue>) => FeelValue[];
  let task: (name: string) => number;
  beforeAll(async () => {
    const workspace = loadWorkspace(JSON.parse(readFileSync(new URL('../samples/purchase-approval/workspace.json', import.meta.url), 'utf8'))).workspace!;
    deployed = await deployProcess(workspace);
    const { fields, tasks } = deployed.ir;
    values = (set) => fields.map((f) => set[f.name] ?? (f.type === 'string' ? '' : f.type === 'bool' ? false : 0n));
    task = (name) => tasks.findIndex((t) => t.name === name);
  }, 60_000);

  it('names the start, tasks, roles and fields exactly as the model does', async () => {
    const account = (p: string) => deployed.accountOf.get(p)!;
    // given an approver starting, and a buyer starting without the item
    const wrongStarter = await deployed.start('zhang-wei', values({ item: 'Pens', amount: 5n }));
    expect([wrongStarter.error, ...wrongStarter.errorArgs!]).toEqual(['CallerLacksRole', account('zhang-wei'), 'Order raised', '采购员 Buyer']);
    const noItem = await deployed.start('li-na', values({ amount: 5n }));
    expect([noItem.error, ...noItem.errorArgs!]).toEqual(['RequiredFieldMissing', '物品 Item']);
    // when a buyer starts properly
    const { instanceId } = await deployed.start('li-na', values({ item: 'Pens', amount: 5n }));
    // then the review refuses the buyer by the task's and the role's names, and a task not reached says so
    const wrongReviewer = await deployed.complete(instanceId!, task('审核 Review'), 'li-na', values({ approved: true }));
    expect([wrongReviewer.error, ...wrongReviewer.errorArgs!]).toEqual(['CallerLacksRole', account('li-na'), '审核 Review', '审批人 Approver']);
    const early = await deployed.complete(instanceId!, task('Sign off'), 'zhang-wei', values({}));
    expect([early.error, ...early.errorArgs!]).toEqual(['TaskNotEnabled', instanceId, 'Sign off']);
    // and after the review, the delivery wants its note by label
    expect((await deployed.complete(instanceId!, task('审核 Review'), 'zhang-wei', values({ approved: true }))).ok).toBe(true);
    const noNote = await deployed.complete(instanceId!, task('Deliver goods'), 'delta-desk', values({}));
    expect([noNote.error, ...noNote.errorArgs!]).toEqual(['RequiredFieldMissing', '送货单 Delivery note']);
  });
});
