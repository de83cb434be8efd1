// Types of scripts/build_inputs.js (plain JavaScript: scripts/from_source.js loads it before
// any TypeScript loader).
export declare const BUILD_INPUTS_FILE: string;
export declare function buildInputsDigest(root: string): string;
export declare function distIsCurrent(root: string): boolean;
