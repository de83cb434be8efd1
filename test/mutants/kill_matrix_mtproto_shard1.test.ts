// Shard 1 of 2 of the kill matrix over MTProto (see kill_matrix_mtproto.ts).
import { killMatrixMtprotoShard } from "./kill_matrix_mtproto.ts";

killMatrixMtprotoShard(0, 2);
