// What the spec says each role may see, computed by the harness from what the scenario did,
// never from the target's answers: "A has B's number" = A imported B; a private message between
// two users reveals the number of the one who has the other's (shared/seed/requests.txt).
export type Role = "A" | "B" | "C";

export class SpecOracle {
  private readonly contacts = new Map<Role, Set<Role>>();
  private readonly revealed = new Set<string>();

  imported(importer: Role, imported: Role): void {
    let set = this.contacts.get(importer);
    if (!set) {
      set = new Set();
      this.contacts.set(importer, set);
    }
    set.add(imported);
  }

  hasContact(owner: Role, other: Role): boolean {
    return this.contacts.get(owner)?.has(other) ?? false;
  }

  /** A private message between x and y, in either direction. */
  messaged(x: Role, y: Role): void {
    if (this.hasContact(x, y)) this.revealed.add(`${y}>${x}`);
    if (this.hasContact(y, x)) this.revealed.add(`${x}>${y}`);
  }

  /** V(viewer, owner) of docs/semantics.md. */
  seesPhone(viewer: Role, owner: Role): boolean {
    return viewer === owner || this.hasContact(viewer, owner) || this.revealed.has(`${viewer}>${owner}`);
  }

  /** The user constructor the viewer must get for the owner. */
  expectedKind(viewer: Role, owner: Role): "userContact" | "userRequest" | "userForeign" {
    if (this.hasContact(viewer, owner)) return "userContact";
    return this.seesPhone(viewer, owner) ? "userRequest" : "userForeign";
  }
}
