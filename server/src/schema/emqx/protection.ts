/** Overload safeguards and monitoring: force_shutdown, flapping_detect, overload_protection, force_gc, sysmon... */
import type { KeyInfo } from '../types';
import { alias, dAll, key, obj, opaque, under, V5_PLUS } from './build';

const maxMailbox = key('max_mailbox_size', 'integer', 'Mailbox length at which a client\'s process is killed.', { defaults: dAll(1000), min: 0 });

const FORCE_SHUTDOWN: KeyInfo[] = [
  key('enable', 'boolean', 'Kills a client\'s connection process once its mailbox or heap passes the limits below.', {
    defaults: dAll(true),
    ruleIds: ['mqtt/force-shutdown-disabled'],
    securityNote: 'Without it one slow or abusive client can grow without bound and take the node down.',
  }),
  maxMailbox,
  alias('max_message_queue_len', maxMailbox),
  key('max_heap_size', 'bytesize', 'Heap size at which a client\'s process is killed.', { defaults: dAll('32MB') }),
];

const FLAPPING: KeyInfo[] = [
  key('enable', 'boolean', 'Bans client IDs that connect and disconnect too often.', {
    defaults: dAll(false),
    ruleIds: ['mqtt/flapping-detect-disabled'],
    securityNote: 'Without it a misbehaving client can reconnect in a tight loop and load the whole cluster.',
  }),
  key('max_count', 'integer', 'Connections within window_time that count as flapping.', { defaults: dAll(15), min: 0 }),
  key('window_time', 'duration', 'Window in which connections are counted.', { defaults: dAll('1m') }),
  key('ban_time', 'duration', 'How long a flapping client stays banned.', { defaults: dAll('5m') }),
];

const OVERLOAD: KeyInfo[] = [
  key('enable', 'boolean', 'Sheds load (new connections, GC, hibernation) when the node is overloaded.', {
    defaults: dAll(false),
    ruleIds: ['mqtt/overload-protection-disabled'],
    securityNote: 'Without it an overloaded node keeps accepting work until it stops responding.',
  }),
  key('backoff_delay', 'integer', 'Milliseconds some work is delayed while overloaded.', { defaults: dAll(1), min: 0 }),
  key('backoff_gc', 'boolean', 'Skips forced garbage collection while overloaded.', { defaults: dAll(false) }),
  key('backoff_hibernation', 'boolean', 'Skips process hibernation while overloaded.', { defaults: dAll(true) }),
  key('backoff_new_conn', 'boolean', 'Refuses new connections while overloaded.', { defaults: dAll(true) }),
];

const FORCE_GC: KeyInfo[] = [
  key('enable', 'boolean', 'Garbage-collects a connection process after it has handled count messages or bytes.', { defaults: dAll(true) }),
  key('count', 'integer', 'Messages between forced collections.', { defaults: dAll(16000), min: 0 }),
  key('bytes', 'bytesize', 'Bytes between forced collections.', { defaults: dAll('16MB') }),
];

const CONN_CONGESTION: KeyInfo[] = [
  key('enable_alarm', 'boolean', 'Raises an alarm when a connection\'s socket stays busy.', { defaults: { '5.0': true, '5': true, '6': false } }),
  key('min_alarm_sustain_duration', 'duration', 'Least time a congestion alarm stays raised.', { defaults: dAll('1m') }),
];

const SYSMON: KeyInfo[] = [
  obj('vm', 'Erlang VM health alarms.'),
  key('vm.process_check_interval', 'duration', 'How often the process count is checked.', { defaults: dAll('30s') }),
  key('vm.process_high_watermark', 'percent', 'Share of the process limit that raises an alarm.', { defaults: dAll('80%') }),
  key('vm.process_low_watermark', 'percent', 'Share of the process limit that clears the alarm.', { defaults: dAll('60%') }),
  key('vm.long_gc', 'duration', 'Garbage collections longer than this are reported; `disabled` turns it off.', { specials: ['disabled'] }),
  key('vm.long_schedule', 'duration', 'Processes scheduled longer than this are reported; `disabled` turns it off.', {
    specials: ['disabled'],
    defaults: dAll('240ms'),
  }),
  key('vm.large_heap', 'bytesize', 'Processes with a larger heap are reported; `disabled` turns it off.', {
    specials: ['disabled'],
    defaults: dAll('32MB'),
  }),
  key('vm.busy_dist_port', 'boolean', 'Reports a congested distribution port.', { defaults: dAll(true) }),
  key('vm.busy_port', 'boolean', 'Reports congested ports such as sockets.', { defaults: dAll(true) }),
  obj('os', 'Host health alarms.'),
  key('os.cpu_check_interval', 'duration', 'How often CPU load is checked.', { defaults: dAll('60s') }),
  key('os.cpu_high_watermark', 'percent', 'CPU load that raises an alarm.', { defaults: dAll('80%') }),
  key('os.cpu_low_watermark', 'percent', 'CPU load that clears the alarm.', { defaults: dAll('60%') }),
  key('os.mem_check_interval', 'duration', 'How often memory is checked; `disabled` turns it off.', { specials: ['disabled'] }),
  key('os.sysmem_high_watermark', 'percent', 'Host memory use that raises an alarm.', { defaults: dAll('70%') }),
  key('os.procmem_high_watermark', 'percent', 'Memory share of one Erlang process that raises an alarm.', { defaults: dAll('5%') }),
  opaque('top', 'Process top-list sampling, optionally exported to PostgreSQL.'),
];

const ALARM: KeyInfo[] = [
  key('actions', 'array', 'What an alarm does: write a log line and/or publish to $SYS topics.', { itemEnum: ['log', 'publish'], defaults: dAll(['log', 'publish']) }),
  key('size_limit', 'integer', 'Most deactivated alarms kept as history.', { defaults: dAll(1000), min: 1, max: 3000 }),
  key('validity_period', 'duration', 'How long deactivated alarms are kept.', { defaults: dAll('24h') }),
];

const SYS_TOPICS: KeyInfo[] = [
  key('sys_msg_interval', 'duration', 'How often broker statistics are published to $SYS; `disabled` stops them.', { specials: ['disabled'], defaults: dAll('1m') }),
  key('sys_heartbeat_interval', 'duration', 'How often uptime and time are published to $SYS; `disabled` stops them.', { specials: ['disabled'], defaults: dAll('30s') }),
  obj('sys_event_messages', 'Which client lifecycle events are published to $SYS topics.'),
  key('sys_event_messages.client_connected', 'boolean', 'Publishes an event when a client connects.', { defaults: dAll(true) }),
  key('sys_event_messages.client_disconnected', 'boolean', 'Publishes an event when a client disconnects.', { defaults: dAll(true) }),
  key('sys_event_messages.client_subscribed', 'boolean', 'Publishes an event when a client subscribes.', { defaults: dAll(false) }),
  key('sys_event_messages.client_unsubscribed', 'boolean', 'Publishes an event when a client unsubscribes.', { defaults: dAll(false) }),
];

export const PROTECTION_KEYS: KeyInfo[] = [
  obj('force_shutdown', 'Kills client processes that grow past memory or mailbox limits.'),
  ...under('force_shutdown', FORCE_SHUTDOWN),
  obj('flapping_detect', 'Detects and bans clients that reconnect too often.'),
  ...under('flapping_detect', FLAPPING),
  obj('overload_protection', 'Load shedding when the node is overloaded.'),
  ...under('overload_protection', OVERLOAD),
  obj('force_gc', 'Forced garbage collection of connection processes.'),
  ...under('force_gc', FORCE_GC),
  obj('conn_congestion', 'Alarms for connections whose socket is congested.'),
  ...under('conn_congestion', CONN_CONGESTION),
  obj('sysmon', 'System monitoring alarms.'),
  ...under('sysmon', SYSMON),
  obj('alarm', 'Alarm handling.'),
  ...under('alarm', ALARM),
  obj('sys_topics', 'Broker status published on $SYS/ topics.'),
  ...under('sys_topics', SYS_TOPICS),
  obj('durable_sessions', 'Sessions kept in durable storage so they survive node restarts.', { versions: V5_PLUS, open: true }),
  key('durable_sessions.enable', 'boolean', 'Stores sessions of clients that ask for persistence in durable storage.', {
    defaults: { '5': false, '6': false },
    versions: V5_PLUS,
  }),
];
