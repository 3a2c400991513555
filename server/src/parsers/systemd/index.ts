/** systemd unit files and drop-ins: parser, drop-in merging, `Environment=` reading and edits. */
export { parseUnit, sectionsNamed, entriesOf } from './parse';
export type { UnitDocument, UnitSection, UnitEntry } from './parse';
export { mergeUnit, getDirective, isListDirective, dropInOrder, UNIT_DIRS } from './merge';
export type { MergedUnit, EffectiveDirective, DirectiveSource } from './merge';
export { parseEnvironmentValue, parseEnvironmentFileValue } from './environment';
export type { EnvironmentAssignment, EnvironmentFileRef } from './environment';
export { setDirective, insertDirective, removeDirective } from './edit';
