// The pure model of the link rules (docs/semantics.md): harness side only.
export { checkLinkUpdates, type ReceivedLinkUpdate, type UpdateMismatch } from "./expected_updates.ts";
export {
  type ActionKind,
  type LinkChange,
  LinkModel,
  type ModelEvent,
  type WorldView,
} from "./link_model.ts";
export {
  describeLinkObject,
  foreignLinkFits,
  type LinkObject,
  type LinkValue,
  myLinkFits,
  type PairFacts,
  sameLinkObject,
  sameLinkValue,
  tableLink,
  type UserKind,
  userKindOf,
} from "./link_table.ts";
export { viewReasons } from "./reasons.ts";
