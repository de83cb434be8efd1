// The result of a send: the plain layer-1 constructor, or at layer 3 its *Link twin carrying the
// sender's changed links ("constructors containing updated links were added to resulting types").
import type { CallContext } from "./context.ts";
import type { SendResultContext } from "./hooks.ts";
import { renderLink, renderUser } from "./render.ts";
import type { TlObject } from "./tl_values.ts";

const LINK_TWIN: Record<string, string> = {
  "messages.sentMessage": "messages.sentMessageLink",
  "messages.statedMessage": "messages.statedMessageLink",
  "messages.statedMessages": "messages.statedMessagesLinks",
};

/** Puts `links` where TL has it: before pts/seq in stated*, last in sentMessageLink. */
function withLinks(plain: TlObject, links: TlObject[]): TlObject {
  const twin = LINK_TWIN[plain._] ?? plain._;
  if (plain._ === "messages.sentMessage") return { ...plain, _: twin, links };
  const { pts, seq, ...rest } = plain;
  return { ...rest, _: twin, links, pts, seq };
}

export function sendResult(
  ctx: CallContext,
  method: string,
  plain: TlObject,
  sent: { senderId: number; peerId: number; changes: SendResultContext["changes"] },
): TlObject {
  const context: SendResultContext = {
    method,
    layer: ctx.layer,
    senderId: sent.senderId,
    peerId: sent.peerId,
    changes: sent.changes,
    renderUser: (userId) => renderUser(ctx.state, sent.senderId, userId),
  };
  const standard = () => {
    if (ctx.layer < 3 || sent.changes.length === 0) return plain;
    return withLinks(
      plain,
      sent.changes.map((c) => renderLink(ctx.state, sent.senderId, c.otherId)),
    );
  };
  return ctx.state.hooks.sendResult(plain, context, standard);
}

export { withLinks };
