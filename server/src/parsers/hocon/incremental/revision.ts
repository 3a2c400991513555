/**
 * Revisions of tree nodes that an incremental re-parse changed inside (reparse.ts replaces one field deep
 * in the tree and keeps its ancestors): results cached per node stay valid while its revision does.
 *
 * A side table rather than a field on the node: a re-parsed tree must equal a fresh parse of the same text,
 * node for node (the property tests compare them), and a fresh parse knows nothing of revisions. Each
 * node counts its own changes, so no state is shared between documents or between trees.
 */
const revisions = new WeakMap<object, number>();

/** 0 for a node nothing was ever changed inside. */
export function revisionOf(node: object): number {
  return revisions.get(node) ?? 0;
}

/** Records that something inside `node` changed. */
export function markChanged(node: object): void {
  revisions.set(node, (revisions.get(node) ?? 0) + 1);
}
