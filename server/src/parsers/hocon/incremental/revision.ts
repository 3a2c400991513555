/**
 * Revisions of tree nodes that an incremental re-parse changed inside (incremental.ts replaces one field
 * deep in the tree and keeps its ancestors): results cached per node stay valid while its revision does.
 */
const revisions = new WeakMap<object, number>();
let counter = 0;

/** 0 for a node nothing was ever changed inside. */
export function revisionOf(node: object): number {
  return revisions.get(node) ?? 0;
}

/** Records that something inside `node` changed. */
export function markChanged(node: object): void {
  revisions.set(node, ++counter);
}
