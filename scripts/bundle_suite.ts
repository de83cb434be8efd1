// The support code and steps of the compiled package as one ES module, dist/bundle/suite.js, which
// `tl-conformance run` gives cucumber to import in place of their 200-odd files.
//
// Why: every cucumber worker process loads the support code, and a remote target gets 16 of them
// on a 2-core machine. Loading the files one by one (resolving, reading, compiling each) took
// ~130 ms of CPU per process; the bundle, read and compiled once, cuts start-up where every
// worker pays it (docs/performance.md).
//
// What stays outside: @cucumber/* (the support code must register with the very cucumber that
// runs it), the reference server (loaded only when there is no target), and whatever the modules
// load at run time through createRequire (undici, yaml) or read as files (validators, .tl files).
// Each module keeps its own import.meta.url: the bundle rewrites it to the URL of the compiled file
// it came from, so files found beside a module (the TL schemas, the generated validators) are found.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { build, type Plugin } from "esbuild";

import { SUITE_BUNDLE, SUPPORT_FOLDERS } from "../src/cli/package_root.ts";

/** Cucumber's import order: each folder's files sorted, support before steps (package_root.ts). */
function entryModules(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".js")) files.push(path);
    }
  };
  for (const folder of SUPPORT_FOLDERS) walk(`dist/${folder}`);
  return files;
}

const relativeSpecifier = (from: string, to: string): string => {
  const path = relative(from, to).split("\\").join("/");
  return path.startsWith(".") ? path : `./${path}`;
};

/** import.meta.url in a bundled module: the URL of the compiled file it came from. */
function ownImportMetaUrl(outDir: string): Plugin {
  return {
    name: "own-import-meta-url",
    setup(b) {
      b.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, (args) => {
        const text = readFileSync(args.path, "utf8");
        const other = /import\.meta\.(?!url\b)\w+/.exec(text);
        if (other) throw new Error(`${args.path}: ${other[0]} has no meaning in the bundle`);
        const url = `new URL(${JSON.stringify(relativeSpecifier(outDir, args.path))}, import.meta.url).href`;
        return { contents: text.replaceAll("import.meta.url", url), loader: "js" };
      });
    },
  };
}

/** The reference server stays a module of its own, loaded only by a run without a target. */
function serverOutside(outDir: string): Plugin {
  return {
    name: "server-outside",
    setup(b) {
      b.onResolve({ filter: /[\\/]src[\\/]server[\\/]index\.js$/ }, (args) => ({
        path: relativeSpecifier(outDir, join(args.resolveDir, args.path)),
        external: true,
      }));
    },
  };
}

export async function bundleSuite(root: string): Promise<void> {
  const outfile = join(root, SUITE_BUNDLE);
  const outDir = dirname(outfile);
  const entry = entryModules(root)
    .map((file) => `import ${JSON.stringify(`./${file}`)};`)
    .join("\n");
  await build({
    stdin: { contents: entry, resolveDir: root, sourcefile: "suite-entry.js", loader: "js" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile,
    external: ["@cucumber/*"],
    plugins: [serverOutside(outDir), ownImportMetaUrl(outDir)],
    // Bundled CommonJS calls require(); an ES module has none of its own.
    banner: {
      js: 'import { createRequire as createRequireOfBundle } from "node:module";\nconst require = createRequireOfBundle(import.meta.url);',
    },
    logLevel: "warning",
    legalComments: "none",
  });
}
