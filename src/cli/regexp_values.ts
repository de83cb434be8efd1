// Every text a parameter type's regexp accepts, when it accepts few: an alternation of literals,
// character classes and groups, as the step language's own types are. A regexp with a quantifier
// or a wildcard accepts too much to list, and gives undefined.
const MAX_VALUES = 500;
const WILD = new Set(["*", "+", "?", "{", "}", ".", "^", "$"]);

class Expander {
  private at = 0;

  constructor(private readonly source: string) {}

  all(): string[] | undefined {
    const values = this.alternation();
    return values && this.at === this.source.length ? values : undefined;
  }

  private alternation(): string[] | undefined {
    const out: string[] = [];
    for (;;) {
      const seq = this.sequence();
      if (!seq) return undefined;
      out.push(...seq);
      if (this.source[this.at] !== "|") return out.length > MAX_VALUES ? undefined : out;
      this.at += 1;
    }
  }

  private sequence(): string[] | undefined {
    let out = [""];
    while (this.at < this.source.length && this.source[this.at] !== "|" && this.source[this.at] !== ")") {
      const item = this.item();
      if (!item || out.length * item.length > MAX_VALUES) return undefined;
      out = out.flatMap((head) => item.map((tail) => head + tail));
    }
    return out;
  }

  private item(): string[] | undefined {
    const c = this.source[this.at] as string;
    this.at += 1;
    if (c === "(") {
      if (this.source.startsWith("?:", this.at)) this.at += 2;
      const inner = this.alternation();
      if (this.source[this.at] !== ")") return undefined;
      this.at += 1;
      return inner;
    }
    if (c === "[") return this.characterClass();
    if (c === "\\") {
      const next = this.source[this.at];
      this.at += 1;
      return next !== undefined && /[^\w\s]/.test(next) ? [next] : undefined;
    }
    return WILD.has(c) ? undefined : [c];
  }

  private characterClass(): string[] | undefined {
    const close = this.source.indexOf("]", this.at);
    if (close === -1) return undefined;
    const body = this.source.slice(this.at, close);
    this.at = close + 1;
    if (body.startsWith("^") || body.includes("\\")) return undefined;
    const out: string[] = [];
    for (let i = 0; i < body.length; i++) {
      if (body[i + 1] === "-" && i + 2 < body.length) {
        for (let code = body.charCodeAt(i); code <= body.charCodeAt(i + 2); code++)
          out.push(String.fromCharCode(code));
        i += 2;
      } else out.push(body[i] as string);
    }
    return out;
  }
}

export function regexpValues(source: string): string[] | undefined {
  return new Expander(source).all();
}
