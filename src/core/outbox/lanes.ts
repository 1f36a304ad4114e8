// Cases whose actions run behind the event stream (outbox mode): one lane per member keeps a
// member's cases in order (a timeout before the ban that follows it) while other members' run
// alongside; `limit` bounds the work waiting, so a flood slows intake instead of growing memory.
export class Lanes {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly all = new Set<Promise<void>>();

  constructor(private readonly limit = 1000) {}

  get size(): number {
    return this.all.size;
  }

  /** Queues `task` behind the lane's earlier ones; resolves once it is queued (waiting while `limit` tasks are). */
  async push(lane: string, task: () => Promise<void>): Promise<void> {
    while (this.all.size >= this.limit) await Promise.race(this.all);
    const before = this.tails.get(lane) ?? Promise.resolve();
    // Tasks log their own failures; one failing never stops its lane.
    const p: Promise<void> = before.then(task).catch(() => undefined).finally(() => {
      this.all.delete(p);
      if (this.tails.get(lane) === p) this.tails.delete(lane);
    });
    this.tails.set(lane, p);
    this.all.add(p);
  }

  /** Resolves when every queued task is done (tasks queued meanwhile included). */
  async drain(): Promise<void> {
    while (this.all.size) await Promise.allSettled([...this.all]);
  }
}
