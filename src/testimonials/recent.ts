// The last N messages of a community (author, channel, text), by message id: a reaction names
// only the message. A ring of slots plus an id → slot map; the oldest is overwritten. (A Map
// evicting its first key costs more as deleted entries pile up at its front: measured 4.5 µs a
// message at 5,000 entries, against well under 1 µs here.)

export interface RecentMessage {
  author: string;
  channel: string;
  text: string;
  at: number;
}

export class RecentMessages {
  private readonly slots: (RecentMessage & { id: string } | undefined)[];
  private readonly index = new Map<string, number>();
  private next = 0;

  constructor(readonly capacity: number) {
    this.slots = new Array(capacity).fill(undefined);
  }

  get size(): number {
    return this.index.size;
  }

  get(id: string): RecentMessage | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.slots[i];
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  /** Remembers the message; an edit replaces its text in place (keeping its age). */
  set(id: string, m: RecentMessage): void {
    const known = this.index.get(id);
    if (known !== undefined) {
      this.slots[known] = { id, ...m };
      return;
    }
    const i = this.next;
    const old = this.slots[i];
    if (old) this.index.delete(old.id);
    this.slots[i] = { id, ...m };
    this.index.set(id, i);
    this.next = (i + 1) % this.capacity;
  }

  delete(id: string): void {
    const i = this.index.get(id);
    if (i === undefined) return;
    this.index.delete(id);
    this.slots[i] = undefined;
  }
}
