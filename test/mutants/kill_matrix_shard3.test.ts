// Shard 3 of 4 of the kill matrix (see kill_matrix.ts).
import { killMatrixShard } from "./kill_matrix.ts";

killMatrixShard(2, 4);
