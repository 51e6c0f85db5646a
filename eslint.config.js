// ESLint (flat config), run by `npm run lint` and `npm test`. Decision record: docs/decisions/009-rules-as-tests-and-tools.md.
import js from "@eslint/js";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["build/", "node_modules/", "data/", "public/", "db/migrations/", "test/fixtures/"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "import-x": importX },
    settings: {
      // Project modules: the portal (~/…) and the package.json `imports` aliases (#db/…, #scoring…).
      "import-x/internal-regex": "^(~/|#)",
    },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      // Node and packages first, then the project's aliases, then relative modules; no order imposed inside a group.
      "import-x/order": ["error", { groups: [["builtin", "external"], "internal", ["parent", "sibling", "index"]], "newlines-between": "never" }],
      "import-x/no-duplicates": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // Database access is asynchronous (issue 19): a query or transaction that is not awaited would
    // run after the response, or outside its transaction. Type-aware rules catch it.
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
);
