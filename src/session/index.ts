// ConformanceSession: a scenario's users, binding sessions, link model and automatic checks,
// with no cucumber dependency (the World holds one; the explorer drives them directly).

export {
  AccountPool,
  type AccountSource,
  accountPool,
  adoptingFrom,
  type PoolBinding,
  type PooledAccount,
  type PoolOptions,
  releaseAccountPools,
} from "./account_pool.ts";
export type { Actor } from "./actors.ts";
export {
  ADDRESSING_METHODS,
  addressingCall,
  BAD_INPUTS,
  type BadInput,
  badInputsFor,
  needsNote,
  otherHash,
  writeNote,
} from "./addressing.ts";
export {
  expectConstructor,
  expectRpcError,
  expectUserAt,
  expectValidAt,
  expectValueAt,
  scenarioRequirement,
} from "./answer_checks.ts";
export { BINARY_FAULTS, type BinaryFault, binaryCallAtLayer, binaryImport } from "./binary_faults.ts";
export {
  expectCardReceived,
  expectDeliveryShows,
  expectImportLists,
  expectInContacts,
  expectResultShows,
  expectSees,
} from "./expectations.ts";
export { check, expectFor, type FailureDetail, RequirementFailure, ScenarioError } from "./failure.ts";
export {
  type Answer,
  callWithFields,
  genericCall,
  lastAnswer,
  rememberAnswer,
} from "./generic_call.ts";
export { allowedViews, describeAllowed } from "./inspect.ts";
export {
  changedSendersLink,
  expectChangedLinkInResult,
  expectEveryLinkFollowsTable,
  expectLinkIs,
  expectLinkUserCurrent,
  expectNoChangedLink,
  expectPlainResult,
  expectResultLinksFollowTable,
} from "./link_expectations.ts";
export * from "./operations.ts";
export { canAddress, inputPeer, inputUser } from "./peers.ts";
export { fillPlaceholders, PLACEHOLDERS, placeholdersIn } from "./placeholders.ts";
export { readAll, snapshotState, type UserRead, type View, viewsIn } from "./reads.ts";
export { expectStateUnchanged, sendJudgedLater } from "./refusals.ts";
export {
  checkSendResult,
  LINK_TWIN,
  SEND_KINDS,
  type SendKind,
  type SendRecord,
  sendKindOfPhrase,
} from "./sends.ts";
export { type BoxMessage, type Chat, ConformanceSession, type SessionOptions } from "./session.ts";
export {
  type Preparation,
  type PreparedSetup,
  releaseSetupPools,
  runSetup,
  type SetupOp,
  SetupPool,
  type SetupPoolOptions,
  type SetupSessionFactory,
  sameSetup,
  setupPool,
} from "./setup_pool.ts";
export { leadingSetup, leadingSetupSteps, SETUP_STEPS, setupKey } from "./setup_steps.ts";
export { describeUser, isTlObject, objectsOf, type TlObject } from "./tl_json.ts";
export { checkAllLinkUpdates, linkUpdatesIn } from "./updates.ts";
