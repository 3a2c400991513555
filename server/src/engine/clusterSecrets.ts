/**
 * One cookie per cluster. Erlang nodes talk only when they hold the same cookie, so a fix that generates
 * one must write the same value on every node of a cluster, whichever deployment's fix runs first, and a
 * later fix must reuse the value an earlier one wrote (on disk, or in an open editor buffer).
 *
 * Deployments form one cluster when they read a common file (an include both load, a file that sets the
 * cookie of both) or share `cluster.static.seeds` (a common seed, or one names the other's node).
 */
import type { DeploymentModel } from '../model/deploymentModel';
import { cookieWeakness } from '../rules/erlang/weak-cookie';
import { generateCookie } from '../core/secrets';

export class ClusterSecrets {
  /** The cluster (an index into `clusters`) of each file any deployment reads. */
  private readonly clusterOfFile = new Map<string, number>();
  private readonly clusters: DeploymentModel[][] = [];
  private readonly cookies = new Map<number, string>();

  constructor(models: readonly DeploymentModel[]) {
    const parent = models.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    const union = (a: number, b: number) => {
      parent[find(a)] = find(b);
    };
    const byFile = new Map<string, number>();
    const bySeed = new Map<string, number>();
    models.forEach((model, i) => {
      for (const file of filesRead(model)) {
        const other = byFile.get(file);
        if (other === undefined) byFile.set(file, i);
        else union(i, other);
      }
      // A node's own name and its seeds are one cluster's names.
      const name = model.node.name?.value;
      for (const node of [...seedsOf(model), ...(name ? [name] : [])]) {
        const other = bySeed.get(node);
        if (other === undefined) bySeed.set(node, i);
        else union(i, other);
      }
    });
    const index = new Map<number, number>();
    models.forEach((model, i) => {
      const root = find(i);
      let c = index.get(root);
      if (c === undefined) {
        index.set(root, (c = this.clusters.length));
        this.clusters.push([]);
      }
      this.clusters[c].push(model);
      for (const file of filesRead(model)) this.clusterOfFile.set(file, c);
    });
  }

  /**
   * The cookie to write into `file`: the strong cookie its cluster already holds (the one most places
   * set), else one generated for the cluster now and returned for every later call.
   */
  cookieFor(file: string): string {
    const c = this.clusterOfFile.get(file);
    if (c === undefined) return generateCookie();
    let cookie = this.cookies.get(c);
    if (cookie === undefined) this.cookies.set(c, (cookie = strongestHeld(this.clusters[c]) ?? generateCookie()));
    return cookie;
  }
}

/** Every file a deployment reads: its own, the included ones the build recorded, and each place that sets its cookie. */
function filesRead(model: DeploymentModel): Set<string> {
  const files = new Set(model.files.map((f) => f.file));
  for (const file of model.emqx?.sourceFiles?.() ?? []) files.add(file);
  for (const c of model.node.cookies) files.add(c.origin.file);
  for (const o of model.emqx?.get(['node', 'cookie'])?.overridden ?? []) files.add(o.file);
  return files;
}

/** cluster.static.seeds: a HOCON list, or 4.x's comma-separated string. */
function seedsOf(model: DeploymentModel): string[] {
  const seeds = model.emqx?.get(['cluster', 'static', 'seeds'])?.value;
  const list = Array.isArray(seeds) ? seeds.map(String) : typeof seeds === 'string' ? seeds.split(',') : [];
  return list.map((s) => s.trim()).filter(Boolean);
}

/** The strong cookie set in most places of the cluster (the first of those on a tie), if there is one. */
function strongestHeld(models: readonly DeploymentModel[]): string | undefined {
  const counts = new Map<string, number>();
  for (const m of models) for (const c of m.node.cookies) if (!cookieWeakness(c.value)) counts.set(c.value, (counts.get(c.value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, n] of counts) if (best === undefined || n > counts.get(best)!) best = value;
  return best;
}
