// The replay platform: events come from a file, and actions are recorded instead of sent.
import type { Action, ActionKind, ActionOutcome } from "../../core/actions.js";
import { actionKinds } from "../../core/actions.js";
import type { EventSink, PlatformAdapter } from "../../core/platform.js";

export class ReplayAdapter implements PlatformAdapter {
  readonly platform = "replay" as const;
  private readonly caps = new Set<ActionKind>(actionKinds);
  /** Every action performed, in order (bounded by `keep`). */
  readonly performed: Action[] = [];
  count = 0;

  constructor(private readonly keep = 100_000) {}

  capabilities(): ReadonlySet<ActionKind> {
    return this.caps;
  }

  async start(_sink: EventSink): Promise<void> {}

  async perform(action: Action): Promise<ActionOutcome> {
    this.count++;
    if (this.performed.length < this.keep) this.performed.push(action);
    return { status: "done", detail: "recorded (replay)" };
  }

  async stop(): Promise<void> {}
}
