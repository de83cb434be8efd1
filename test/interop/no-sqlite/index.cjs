// @mtcute/node imports better-sqlite3 when it loads and opens a database only for SqliteStorage,
// which the interop tests do not use (they pass a MemoryStorage). Opening one here is a mistake
// in a test, so it says so instead of failing somewhere inside mtcute.
module.exports = function Database() {
  throw new Error(
    "better-sqlite3 is not built in this repository (test/interop/no-sqlite): give mtcute a MemoryStorage",
  );
};
