/** Erlang vm.args: parser, queries, Erlang term reader and edits. */
export { parseVmArgs, findFlags, kernelParam } from './parse';
export type { VmArgsDocument, VmArgsEntry, VmArg, AppParam } from './parse';
export { parseErlangTerm, isInetAddressTuple } from './term';
export type { ErlangTerm, TermProblem } from './term';
export { setFlagArgs, setAppParam, insertFlag, removeFlag } from './edit';
