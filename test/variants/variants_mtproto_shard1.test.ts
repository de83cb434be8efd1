// Shard 1 of 2 of the variant servers over MTProto (see variants_mtproto.ts).
import { variantsOverMtprotoShard } from "./variants_mtproto.ts";

variantsOverMtprotoShard(0, 2);
