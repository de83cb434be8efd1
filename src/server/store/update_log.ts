// An account's update stream: entries in pts order, pts contiguous, the oldest dropped first. So
// the entries after a pts are found by arithmetic, whatever the length of the history.
import type { UpdateEntry } from "./types.ts";

export class UpdateLog {
  /** A slot before the head is cleared, so the entries dropped are garbage at once. */
  private entries: (UpdateEntry | undefined)[] = [];
  private head = 0;

  get size(): number {
    return this.entries.length - this.head;
  }

  get oldest(): UpdateEntry | undefined {
    return this.entries[this.head];
  }

  push(entry: UpdateEntry): void {
    this.entries.push(entry);
  }

  dropOldest(): UpdateEntry | undefined {
    const entry = this.entries[this.head];
    if (!entry) return undefined;
    this.entries[this.head] = undefined;
    this.head += 1;
    // Compact once the dropped part is the larger half: amortised O(1) per entry.
    if (this.head > 64 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    return entry;
  }

  /** Whether the entry of this pts is still kept. */
  has(pts: number): boolean {
    const first = this.oldest;
    return first !== undefined && pts >= first.pts && pts < first.pts + this.size;
  }

  /** Up to `limit` entries with a pts above `pts`, oldest first. */
  after(pts: number, limit: number): UpdateEntry[] {
    const first = this.oldest;
    if (!first) return [];
    const start = this.head + Math.max(0, pts + 1 - first.pts);
    return this.entries.slice(start, start + limit) as UpdateEntry[];
  }

  values(): UpdateEntry[] {
    return this.entries.slice(this.head) as UpdateEntry[];
  }
}
