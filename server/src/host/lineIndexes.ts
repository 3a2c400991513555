/**
 * Line indexes of the files a host shows positions in (the CLI's report, the server's diagnostics),
 * each rebuilt only when its file's text changes and dropped when the file leaves.
 */
import { LineIndex } from '../core/text';

export class LineIndexes {
  private readonly cache = new Map<string, { text: string; index: LineIndex }>();

  index(file: string, text: string): LineIndex {
    const hit = this.cache.get(file);
    if (hit && hit.text === text) return hit.index;
    const index = new LineIndex(text);
    this.cache.set(file, { text, index });
    return index;
  }

  forget(file: string): void {
    this.cache.delete(file);
  }

  /** How many files have an index now. */
  get size(): number {
    return this.cache.size;
  }
}
