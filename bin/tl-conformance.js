#!/usr/bin/env node
// The published entry point: the harness is written in TypeScript and loaded through tsx, so
// vendors install nothing but the package itself.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
