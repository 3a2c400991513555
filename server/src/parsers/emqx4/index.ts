/** EMQX 4.x flat ("cuttlefish") config: parser, format detection and edits. */
export { parseEmqx4, findEntries, lastEntry } from './parse';
export type { Emqx4Document, Emqx4Entry, Emqx4Include } from './parse';
export { looksLikeEmqx4, isEmqx4, countLines, firstLineStart, type LineCounts } from './detect';
export { setValue, insertEntry, removeEntry } from './edit';
export type { LineComment } from '../common/lines';
