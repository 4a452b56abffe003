import { describe, expect, it } from 'vitest';
import { undoCommandOf } from './undo-keys.js';

/** A key event on an element that is (or is not) inside one of the given selectors. */
function press(key: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}, inside: string[] = []) {
  const target = { closest: (selector: string) => (selector.split(', ').some((s) => inside.includes(s)) ? {} : null) };
  return { key, ctrlKey: !!mods.ctrl, metaKey: !!mods.meta, shiftKey: !!mods.shift, altKey: !!mods.alt, target: target as never, defaultPrevented: false };
}

describe('undoCommandOf', () => {
  it('maps Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y', () => {
    expect(undoCommandOf(press('z', { ctrl: true }))).toBe('undo');
    expect(undoCommandOf(press('z', { meta: true }))).toBe('undo');
    expect(undoCommandOf(press('Z', { ctrl: true, shift: true }))).toBe('redo');
    expect(undoCommandOf(press('y', { ctrl: true }))).toBe('redo');
  });

  it('leaves plain keys, Alt chords and handled events alone', () => {
    expect(undoCommandOf(press('z'))).toBeUndefined();
    expect(undoCommandOf(press('z', { ctrl: true, alt: true }))).toBeUndefined();
    expect(undoCommandOf({ ...press('z', { ctrl: true }), defaultPrevented: true })).toBeUndefined();
  });

  it('leaves text fields, the bpmn-js canvas and Monaco their own undo', () => {
    for (const where of ['input', 'textarea', '.djs-container', '.properties-container', '.monaco-editor']) {
      expect(undoCommandOf(press('z', { ctrl: true }, [where]))).toBeUndefined();
    }
  });
});
