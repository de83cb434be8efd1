// ${NAME} in a profile's strings is the environment variable NAME, so secrets stay in the CI's
// secret store and out of the file. $${ is a literal ${. A variable that is not set is an error
// naming the field, never an empty string that would send a request without its key.
import { ProfileError } from "./types.ts";

const REFERENCE = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$\{/g;

function substitute(text: string, env: NodeJS.ProcessEnv, field: string, file: string): string {
  return text.replace(REFERENCE, (match, name: string | undefined) => {
    if (match === "$${") return "${";
    if (name === undefined)
      throw new ProfileError(
        `${file}: ${field}: "\${" must start a reference such as \${NAME} (write $\${ for a literal)`,
      );
    const value = env[name];
    if (value === undefined)
      throw new ProfileError(`${file}: ${field}: \${${name}} is not set in the environment`);
    return value;
  });
}

/** A copy of the document with every string substituted; `field` is each string's JSON pointer. */
export function substituteEnv(value: unknown, env: NodeJS.ProcessEnv, file: string, field = ""): unknown {
  if (typeof value === "string") return substitute(value, env, field || "/", file);
  if (Array.isArray(value)) return value.map((v, i) => substituteEnv(v, env, file, `${field}/${i}`));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, substituteEnv(v, env, file, `${field}/${k}`)]),
    );
  }
  return value;
}
