/**
 * The FEEL subset used for sequence-flow conditions (see docs/process-format.md):
 * literals (integers, strings, true, false), field names, comparison (= != < <= > >=),
 * arithmetic (+ - * /), `and`, `or`, `not(...)` and parentheses.
 */
import type { FieldType } from '../model/workspace.js';

export type FeelType = 'number' | 'bool' | 'string' | 'address' | 'bytes32' | 'enum';

export interface Span {
  /** 0-based offsets into the expression text. */
  start: number;
  end: number;
}

export type BinaryOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | 'and' | 'or';

export type FeelExpr =
  /** `scale`: digits after the decimal point (12.5: value 125, scale 1); absent for whole numbers. */
  | { kind: 'number'; value: bigint; scale?: number; span: Span }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'bool'; value: boolean; span: Span }
  | { kind: 'name'; name: string; span: Span }
  | { kind: 'not'; arg: FeelExpr; span: Span }
  | { kind: 'neg'; arg: FeelExpr; span: Span }
  | { kind: 'binary'; op: BinaryOp; left: FeelExpr; right: FeelExpr; span: Span };

/** A type-checked expression: names resolved to field indexes, every node carries its type. */
export type TypedExpr =
  | { kind: 'number'; value: bigint; type: 'number' }
  | { kind: 'string'; value: string; type: 'string' }
  | { kind: 'bool'; value: boolean; type: 'bool' }
  | { kind: 'field'; field: number; fieldType: FieldType; type: FeelType }
  /** A value of enum field `field`, written as its text in the condition: member `index` of the field's enum. */
  | { kind: 'enumValue'; field: number; index: number; label: string; type: 'enum' }
  | { kind: 'not'; arg: TypedExpr; type: 'bool' }
  | { kind: 'neg'; arg: TypedExpr; type: 'number' }
  | { kind: 'binary'; op: BinaryOp; left: TypedExpr; right: TypedExpr; type: FeelType };

export function feelTypeOf(fieldType: FieldType): FeelType {
  switch (fieldType) {
    case 'uint':
    case 'int':
    case 'timestamp':
    case 'decimal':
      return 'number';
    case 'enum':
      return 'enum';
    case 'bool':
      return 'bool';
    case 'string':
      return 'string';
    case 'address':
    case 'participant':
      return 'address';
    case 'bytes32':
      return 'bytes32';
  }
}
