// InputMedia → the MessageMedia stored and shown. The binding requires two kinds that need no
// upload, contacts and geo points; any other kind answers 400 MEDIA_INVALID.
import type { CallContext } from "../context.ts";
import { badRequest } from "../rpc_error.ts";
import type { TlObject } from "../tl_values.ts";
import { normalisePhone } from "./phone.ts";

// Stored in many messages at once, so frozen.
export const NO_MEDIA: TlObject = Object.freeze({ _: "messageMediaEmpty" });
const NO_GEO: TlObject = Object.freeze({ _: "geoPointEmpty" });

function contact(ctx: CallContext, media: TlObject): TlObject {
  const fields = [media.phone_number, media.first_name, media.last_name].map(String);
  if (fields.some((field) => field.length > ctx.state.limits.maxNameLength)) {
    throw badRequest("MEDIA_INVALID", "a contact's fields are too long");
  }
  const owner = ctx.state.store.accountByPhone.get(normalisePhone(media.phone_number));
  return {
    _: "messageMediaContact",
    phone_number: media.phone_number,
    first_name: media.first_name,
    last_name: media.last_name,
    user_id: owner?.id ?? 0,
  };
}

function within(value: unknown, bound: number): value is number {
  return typeof value === "number" && Number.isFinite(value) && Math.abs(value) <= bound;
}

function geo(media: TlObject): TlObject {
  const point = media.geo_point as TlObject;
  if (point._ === "inputGeoPointEmpty") return { _: "messageMediaGeo", geo: NO_GEO };
  if (!within(point.lat, 90) || !within(point.long, 180)) throw badRequest("GEO_POINT_INVALID");
  return { _: "messageMediaGeo", geo: { _: "geoPoint", long: point.long, lat: point.lat } };
}

export function messageMedia(ctx: CallContext, media: TlObject): TlObject {
  switch (media._) {
    case "inputMediaEmpty":
      return NO_MEDIA;
    case "inputMediaContact":
      return contact(ctx, media);
    case "inputMediaGeoPoint":
      return geo(media);
    default:
      throw badRequest("MEDIA_INVALID", `${media._} is not supported`);
  }
}
