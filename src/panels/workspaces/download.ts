/** Saves an exported file as a download (the name may be Chinese: browsers keep it as is). */
import type { ExportedFile } from '../../persistence/export-workspace.js';
import { saveBlob } from '../app/save-file.js';

export function download(file: ExportedFile): void {
  saveBlob(file.name, new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type }));
}
