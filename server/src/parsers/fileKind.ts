/**
 * The kinds of deployment file, one per parser (parsers/index.ts picks the parser by kind). Which path
 * is which kind is the workspace's business (workspace/fileKinds.ts).
 */
export type FileKind =
  | 'emqx-conf' // emqx.conf / *.hocon: HOCON (5.x/6.x) or, when it is not HOCON-shaped, the 4.x flat format
  | 'vmargs'
  | 'sysctl'
  | 'systemd'
  | 'limits'
  | 'env'; // an EnvironmentFile= target (KEY=value lines); known only once a unit names it
