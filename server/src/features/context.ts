/** What every editor feature gets: the parsed file, the deployment around it, and its findings. Plain data, no LSP. */
import type { ParsedFile } from '../parsers';
import type { DeploymentModel } from '../model/deploymentModel';
import type { Finding } from '../rules/types';

export interface FeatureContext {
  file: ParsedFile;
  /** The model of the deployment the file belongs to (absent for a file outside any deployment). */
  model?: DeploymentModel;
  /** Every model of the workspace, for cross-deployment navigation. */
  models?: DeploymentModel[];
  /** Findings in this file. */
  findings: Finding[];
  /** Link to a rule's docs page as the client can open it. */
  docsUri(ruleId: string): string;
}
