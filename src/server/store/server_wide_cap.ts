// One cap over the items of every mailbox together: past it, the oldest item anywhere goes. A Map
// keeps insertion order, so the oldest item is its first entry, and an item its mailbox dropped
// by the mailbox's own cap leaves from the middle in O(1).
export class ServerWideCap<Item, Owner> {
  private readonly order = new Map<Item, Owner>();

  constructor(
    private readonly cap: number,
    private readonly drop: (owner: Owner, item: Item) => void,
  ) {}

  get size(): number {
    return this.order.size;
  }

  add(item: Item, owner: Owner): void {
    this.order.set(item, owner);
    if (this.order.size <= this.cap) return;
    const oldest = this.order.entries().next().value;
    if (!oldest) return;
    this.order.delete(oldest[0]);
    this.drop(oldest[1], oldest[0]);
  }

  remove(item: Item): void {
    this.order.delete(item);
  }
}
