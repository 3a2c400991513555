/**
 * When to analyse: once the input is drained and changes have stopped arriving. The connection hands over
 * one message per turn of the event loop, so an analysis started on the next turn ran between every two
 * queued edits (10,000 queued `didChange` meant 10,000 analyses while nothing else was answered). Waiting
 * until no message is queued and no change came for a moment lets the edits be applied and the requests
 * between them answered first; then only the latest text is analysed. A client that never pauses gets its
 * diagnostics when it does: analysing versions that are already superseded would only delay the answers.
 */
export interface SchedulerOptions {
  /** Quiet time after the last change before analysing: bytes still in the pipe arrive meanwhile. */
  quietMs: number;
  /** Messages read and not yet handled (inputQueue.ts); none known when absent. */
  backlog?: () => number;
}

/**
 * No extra wait by default: the backlog check already holds the analysis back while queued messages wait,
 * and every millisecond here is added to each keystroke's diagnostics (the 10,000-line p95 goal is 20 ms).
 */
export const DEFAULT_QUIET_MS = 0;

export class AnalysisScheduler {
  private timer: NodeJS.Timeout | undefined;
  private waiting = false;

  constructor(
    private readonly analyse: () => void,
    private readonly options: SchedulerOptions = { quietMs: DEFAULT_QUIET_MS },
  ) {}

  /** True while a change waits for its analysis. */
  get pending(): boolean {
    return this.waiting;
  }

  /** Something changed: analyse once things are quiet (a later change postpones it). */
  changed(): void {
    this.waiting = true;
    this.arm();
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => ((this.options.backlog?.() ?? 0) > 0 ? this.arm() : this.run()), this.options.quietMs);
  }

  /** Analyses now if a change is waiting: for a request that must see the latest text's findings. */
  flush(): void {
    if (this.pending) this.run();
  }

  /** Drops what is waiting (the server is shutting down). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.waiting = false;
  }

  private run(): void {
    this.cancel();
    this.analyse();
  }
}
