// Types of scripts/register_tsx.js (plain JavaScript: it runs before any TypeScript loader).
export declare function registerTsx(): void;
