// What one user sees of another: the constructor and whether the phone is there.
import { Then } from "@cucumber/cucumber";
import { lastSend } from "../support/actions.ts";
import { expectDeliveryCarries, expectSees } from "../support/expectations.ts";
import { ScenarioError } from "../support/failure.ts";
import type { Role } from "../support/spec_oracle.ts";
import type { ConformanceWorld } from "../support/world.ts";

Then(
  "{role} sees {role} as {user_kind} with {role}'s phone",
  async function (this: ConformanceWorld, viewer: Role, owner: Role, kind: string, phoneOwner: Role) {
    if (phoneOwner !== owner)
      throw new ScenarioError(`"${owner} … with ${phoneOwner}'s phone" names two users`);
    await expectSees(this, viewer, owner, kind, true);
  },
);

Then(
  "{role} sees {role} as userForeign without a phone",
  async function (this: ConformanceWorld, viewer: Role, owner: Role) {
    await expectSees(this, viewer, owner, "userForeign", false);
  },
);

Then(
  "the update that delivers {role}'s message to {role} already carries {role} as userRequest with the phone",
  async function (this: ConformanceWorld, sender: Role, peer: Role, shown: Role) {
    if (shown !== sender) throw new ScenarioError("the update carries the sender");
    await expectDeliveryCarries(this, sender, peer, lastSend(this, sender));
  },
);
