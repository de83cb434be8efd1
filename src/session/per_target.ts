// One pool per target per process (each parallel worker has its own), closed and forgotten when a
// run ends: what it made ahead belongs to that run's target, and a later run may meet another
// server at the same address (the kill matrix does). The account pool and the set-up pool both
// keep theirs here.
export interface PerTarget<T> {
  /** The process's pool for a target, made on first use. */
  get(target: string, make: () => T): T;
  /** Closes every pool and forgets it. */
  release(): void;
}

export function perTarget<T extends { close(): void }>(): PerTarget<T> {
  const pools = new Map<string, T>();
  return {
    get(target, make) {
      let pool = pools.get(target);
      if (!pool) {
        pool = make();
        pools.set(target, pool);
      }
      return pool;
    },
    release() {
      for (const pool of pools.values()) pool.close();
      pools.clear();
    },
  };
}
