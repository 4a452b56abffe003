/**
 * Messages between the compiler client (main thread) and the compiler worker. Every request
 * carries an id and gets exactly one reply with the same id.
 */
import type { CompileResult, CompilerSettings, SourceFile } from '../../generators/compile/compile-types.js';

export type CompilerRequest =
  /** Load soljson now (the IDE warms up while the user reads the diagram). */
  | { type: 'load'; id: number }
  | { type: 'compile'; id: number; sources: SourceFile[]; settings: CompilerSettings };

export type CompilerResponse =
  | { type: 'loaded'; id: number; compilerVersion: string; loadMs: number }
  | { type: 'compiled'; id: number; result: CompileResult }
  /**
   * The request could not run. `fatal`: this worker cannot compile any more (soljson did not
   * load, or solc crashed); the client replaces it with a fresh one.
   */
  | { type: 'failed'; id: number; error: string; fatal: boolean };
