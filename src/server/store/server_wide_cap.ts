// One cap over the items of every mailbox together: past it, the oldest item anywhere goes. An
// item its mailbox dropped by the mailbox's own cap leaves from the middle.
import { Arrivals } from "./arrivals.ts";

export class ServerWideCap<Item, Owner> {
  private readonly order = new Arrivals<Item, Owner>();

  constructor(
    private readonly cap: number,
    private readonly drop: (owner: Owner, item: Item) => void,
  ) {}

  get size(): number {
    return this.order.size;
  }

  add(item: Item, owner: Owner): void {
    this.order.add(item, owner);
    if (this.order.size <= this.cap) return;
    const oldest = this.order.oldest();
    if (!oldest) return;
    this.order.delete(oldest[0]);
    this.drop(oldest[1], oldest[0]);
  }

  remove(item: Item): void {
    this.order.delete(item);
  }
}
