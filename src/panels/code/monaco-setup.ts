/**
 * Monaco, bundled locally (never from a CDN): the editor API plus the few editor features the
 * read-only Code panel uses, the editor worker through Vite's `?worker`, and our Solidity
 * tokenizer. No TypeScript/CSS/HTML/JSON language services (they would add ~9 MB of workers).
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/wordHighlighter/register';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import { SOLIDITY_LANGUAGE_ID, solidityConfiguration, solidityLanguage } from './solidity-language.js';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

monaco.languages.register({ id: SOLIDITY_LANGUAGE_ID, extensions: ['.sol'] });
monaco.languages.setMonarchTokensProvider(SOLIDITY_LANGUAGE_ID, solidityLanguage);
monaco.languages.setLanguageConfiguration(SOLIDITY_LANGUAGE_ID, solidityConfiguration);

export { monaco };
