/** `log`: console, file (one handler or several named ones), throttling, and the Enterprise audit log. */
import type { KeyInfo } from '../types';
import { alias, dAll, key, obj, opaque, under, LOG_LEVELS, V5_PLUS } from './build';

function handlerCommon(defaultLevel: string): KeyInfo[] {
  const formatter = key('formatter', 'enum', 'Line format: free text or JSON.', { enum: ['text', 'json'], defaults: dAll('text') });
  return [
    key('level', 'enum', 'Lowest severity written by this handler.', { enum: LOG_LEVELS, defaults: dAll(defaultLevel) }),
    key('enable', 'boolean', 'Turns this handler on.'),
    formatter,
    alias('format', formatter),
    key('timestamp_format', 'enum', 'Timestamp style: auto, epoch (microseconds) or rfc3339.', { enum: ['auto', 'epoch', 'rfc3339'], versions: V5_PLUS }),
    key('time_offset', 'string', 'Time zone of timestamps: system, utc, or an offset such as "+02:00".', { defaults: dAll('system') }),
    key('chars_limit', 'integer', 'Longest log line; `unlimited` keeps every character.', { specials: ['unlimited'], min: 100 }),
    key('single_line', 'boolean', 'Writes each event on one line.', { defaults: dAll(true) }),
    key('sync_mode_qlen', 'integer', 'Queue length at which the handler switches to synchronous writes.', { min: 0 }),
    key('drop_mode_qlen', 'integer', 'Queue length at which events start being dropped.', { min: 1 }),
    key('flush_qlen', 'integer', 'Queue length at which the queue is flushed.', { min: 1 }),
    opaque('overload_kill', 'Restarts the handler when its queue or memory grows too large.'),
    opaque('burst_limit', 'Caps the number of events per time window.'),
    key('supervisor_reports', 'enum', 'Whether supervisor progress reports are logged.', { enum: ['error', 'progress'] }),
    key('max_depth', 'integer', 'Depth to which nested terms are printed; `unlimited` prints all.', { specials: ['unlimited'], min: 0 }),
    key('with_mfa', 'boolean', 'Adds module, function and line to each event.'),
    key('payload_encode', 'enum', 'How message payloads appear in logs: text, hex or hidden.', { enum: ['hex', 'text', 'hidden'] }),
  ];
}

function fileHandler(defaultLevel: string, defaultPath: string): KeyInfo[] {
  const path = key('path', 'path', 'Log file path.', { defaults: dAll(defaultPath) });
  const rotationCount = key('rotation_count', 'integer', 'Rotated files kept.', { defaults: dAll(10), min: 1, max: 128 });
  const rotationSize = key('rotation_size', 'bytesize', 'Size at which the file is rotated; `infinity` never rotates.', { specials: ['infinity'], defaults: dAll('50MB') });
  return [
    path,
    alias('file', path),
    alias('to', path),
    rotationCount,
    alias('rotation', rotationCount),
    rotationSize,
    alias('max_size', rotationSize),
    ...handlerCommon(defaultLevel),
  ];
}

const consoleHandler = obj('console', 'Log handler writing to standard output.');
const file = obj('file', 'Log handler writing to a file; several named file handlers may sit under it.');

const LOG: KeyInfo[] = [
  consoleHandler,
  alias('console_handler', consoleHandler),
  ...under('console', handlerCommon('warning')),
  file,
  alias('file_handlers', file),
  ...under('file', fileHandler('warning', '${EMQX_LOG_DIR}/emqx.log')),
  obj('file.*', 'A named file handler.'),
  ...under('file.*', fileHandler('warning', '${EMQX_LOG_DIR}/emqx.log')),
  obj('throttling', 'Suppresses repeats of noisy log events.'),
  key('throttling.time_window', 'duration', 'Window within which repeated events are logged once.', { defaults: dAll('1m') }),
  key('throttling.msgs', 'array', 'Event names subject to throttling.'),
  obj('audit', 'Audit log of administrative actions (dashboard, REST API, CLI), Enterprise only.', { ruleIds: ['log/audit-disabled'], versions: V5_PLUS }),
  ...under('audit', [
    ...fileHandler('info', '${EMQX_LOG_DIR}/audit.log').filter((k) => k.path !== 'enable'),
    key('enable', 'boolean', 'Records administrative actions in the audit log.', {
      defaults: { '5': false, '6': false },
      ruleIds: ['log/audit-disabled'],
      securityNote: 'Without an audit trail, configuration changes and logins cannot be traced after an incident.',
    }),
    key('max_filter_size', 'integer', 'Newest audit entries kept in the database for the dashboard and API.', { defaults: dAll(5000), min: 10, max: 30000 }),
    key('cache_size', 'integer', 'Newest audit entries kept for the dashboard and API (newer name of max_filter_size).', { versions: ['6'] }),
    key('ignore_high_frequency_request', 'boolean', 'Skips frequent API calls (publish, subscribe, kick-out) to keep the audit log readable.', { defaults: dAll(true) }),
  ]).map((k) => ({ ...k, versions: V5_PLUS })),
];

export const LOG_KEYS: KeyInfo[] = [
  obj('log', 'Logging: console and file handlers, throttling, audit log.'),
  ...under('log', LOG),
];
