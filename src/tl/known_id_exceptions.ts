// Declarations in public schemas whose written id is not the CRC of their text. Every other
// mismatch is an error. Each entry is matched by name AND id, so a new line that merely reuses a
// name is still checked.

export interface KnownIdException {
  name: string;
  id: number;
  reason: string;
  /** Named by the schema notes, but no file of shared/tl-corpus carries this line. */
  absentFromCorpus?: true;
}

const MTPROTO_OLD_FORM =
  "old MTProto line written without {X:Type} (or with query:Object); its id was computed from the generic form";
const SERVICE_TEXT =
  "MTProto service type whose id was assigned for another text of the line (other names or result type)";
const RENAMED = "renamed line that keeps the id of its old name (the text of the old name gives the id)";
const UNEXPLAINED = "explicit id does not match its text in every public schema; kept as published";
const PREFIX = "tdlib pseudo-function describing a request prefix; its id is not derived from the text";

function entries(reason: string, list: string): KnownIdException[] {
  return list
    .trim()
    .split(/\s+/)
    .map((item) => {
      const [name = "", hex = ""] = item.split("#");
      return { name, id: Number.parseInt(hex, 16) >>> 0, reason };
    });
}

export const KNOWN_ID_EXCEPTIONS: readonly KnownIdException[] = [
  ...entries(UNEXPLAINED, "accessPointRule#4679b65f help.configSimple#5a592a6c"),
  ...entries(UNEXPLAINED, "channel#c88974ac messageReplies#81834865").map((e) => ({
    ...e,
    absentFromCorpus: true as const,
  })),
  { name: "ipPortSecret", id: 0x37982646, reason: "matches only when `bytes` is kept instead of `string`" },
  {
    name: "decryptedMessageLayer",
    id: 0x99a438cf,
    reason: "the 2014 text of the line; the id is of a later text",
  },
  ...entries(
    MTPROTO_OLD_FORM,
    "invokeAfterMsg#cb9f372d invokeAfterMsgs#3dc4b4f0 initConnection#69796de9 invokeWithLayer15#b4418b64",
  ),
  ...entries(
    SERVICE_TEXT,
    `destroy_sessions#a13dc52f destroy_sessions_res#fb95abcd futureSalt#949d9dc future_salts#ae500895
     protoMessage#5bb8e511 msg_copy#e06046b2 rpc_req_error#7ae432f5 gzip_packed#3072cfa1`,
  ),
  ...entries(
    RENAMED,
    `register.saveDeveloperInfo#9a5f6e95 inputPeerPhotoFileLocationLegacy#27d69997 inputStickerSetThumbLegacy#dbaeae9
     decryptedMessage8#1f814f1f decryptedMessageService8#aa48327d decryptedMessageMediaPhoto8#32798a8c
     decryptedMessageMediaVideo8#4cee6ef3 decryptedMessageMediaDocument8#b095434b decryptedMessageMediaAudio8#6080758f
     decryptedMessage23#204d3878 decryptedMessageMediaVideo23#524a415d documentAttributeSticker23#fb0a5727
     documentAttributeVideo23#5910cccb documentAttributeAudio23#51448e5 documentAttributeAudio45#ded218e0
     decryptedMessage46#36b091de decryptedMessageMediaDocument46#7afe8ae2 decryptedMessageMediaDocument#6abd9782`,
  ),
  ...entries(
    PREFIX,
    `invokeWithBusinessConnectionPrefix#dd289f8e invokeWithGooglePlayIntegrityPrefix#1df92984
     invokeWithApnsSecretPrefix#dae54f8 invokeWithReCaptchaPrefix#adbb0f94`,
  ),
];

/** The exception that excuses this declaration's id, if any. */
export function knownIdException(name: string, explicitId: number): KnownIdException | undefined {
  return KNOWN_ID_EXCEPTIONS.find((e) => e.name === name && e.id === explicitId);
}
