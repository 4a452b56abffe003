/**
 * The field-types sample's generated Solidity: a reviewable snapshot, laid out as prettier-plugin-solidity
 * would, compiled by solc without a warning. Run `npx vitest run -u` after an intended change.
 */
import { expect } from 'vitest';
import { checkGeneratedSample } from '../check-generated-sample.js';

checkGeneratedSample('quality-inspection', {
  workspace: new URL('./workspace.json', import.meta.url),
  snapshot: './__snapshots__/QualityInspection.sol',
  expectations: {
    title: 'a Solidity enum from Chinese values, decimals scaled by 10^scale, the inspector checked on write',
    check: (source, generated) => {
      // the enum: members derived from the values, the values themselves in NatSpec
      expect(source).toContain('/// @dev Values of field "Quality grade": HeGe = "合格", FanGong = "返工", BaoFei = "报废".');
      expect(source).toMatch(/enum ZhiLiangDengJi \{\s+HeGe,\s+FanGong,\s+BaoFei\s+\}/);
      expect(source).toContain('ZhiLiangDengJi zhiLiangDengJi,');
      expect(source).toContain('d.zhiLiangDengJi == ZhiLiangDengJi.HeGe &&');
      // decimals: the literal 0.5 became 500 at weight's scale 3; the scale is in NatSpec
      expect(source).toContain('d.measured + 500 >= d.weight &&');
      expect(source).toContain('/// @param weight Field "Declared weight" (decimal: value times 10^3, in kg).');
      // the participant field: required, then checked to hold its role, with an error naming the field
      expect(source).toContain('// ParticipantLacksRole("Inspector", inspector, "Inspector")');
      expect(source).toMatch(/_revertParticipantLacksRole\((\d+), inspector, \1\);/);
      const fields = generated.processes[0].ir.fields;
      expect(fields.map((f) => [f.name, f.type, f.scale ?? f.values ?? f.role, f.unit])).toEqual([
        ['weight', 'decimal', 3, 'kg'],
        ['unitPrice', 'decimal', 2, 'CNY'],
        ['inspector', 'participant', 'Inspector', undefined],
        ['质量等级', 'enum', ['合格', '返工', '报废'], undefined],
        ['measured', 'decimal', 3, 'kg'],
        ['batchValue', 'decimal', 5, 'CNY'],
      ]);
    },
  },
});
