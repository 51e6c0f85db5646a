/**
 * Password strength, checked on the server wherever a password is chosen (sign-up, account creation
 * from an invitation, password change, password reset), after the length rule of the shared schema
 * (`newPasswordField`, 12 characters at least, app/auth/schemas.ts).
 *
 * zxcvbn-ts estimates how many guesses an attacker needs, with the common-password, French and
 * keyboard-pattern dictionaries shipped in its packages (nothing is downloaded), and the words of
 * the form itself (e-mail, name, organisation) so that "jean.dupont-2026" is weak for Jean Dupont.
 * Score 3 ("safely unguessable: moderate protection from offline slow-hash scenario", about 10^8
 * guesses and more) is the minimum. Levenshtein matching is off: it costs 100–200 ms per check on a
 * shared core for little gain over the exact and l33t dictionary matches. A check costs at most about
 * 50 ms; callers run it after reserving the attempt (throttle), never before.
 * Server-only: the dictionaries weigh about 2 MB, kept out of the browser bundle.
 */
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as fr from "@zxcvbn-ts/language-fr";

export const MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    translations: fr.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...fr.dictionary },
    useLevenshteinDistance: false,
    // Bounds the work per check: without them a 200-character password full of l33t characters
    // took 7 s of CPU (measured). A password whose first 64 characters are strong is strong.
    maxLength: 64,
    l33tMaxSubstitutions: 10,
  });
  return factory;
}

/** Words of the account that must not make up the password. */
function userWords(inputs: (string | undefined)[]): string[] {
  const words = new Set<string>(["nrprocure", "nr-procure", "procure"]);
  for (const input of inputs) {
    if (!input) continue;
    // With and without accents: "NumeriqueDurable" must match "Numérique Durable SAS".
    for (const form of new Set([input.toLowerCase(), input.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")])) {
      const parts = form.split(/[^\p{L}\p{N}]+/u).filter((p) => p.length >= 3);
      words.add(form);
      // Each part, and runs of consecutive parts written together ("numeriquedurable").
      for (let i = 0; i < parts.length; i++) for (let j = i + 1; j <= Math.min(parts.length, i + 4); j++) words.add(parts.slice(i, j).join(""));
    }
  }
  return [...words];
}

/** `null` when strong enough, else the French message shown next to the password field. */
export function weakPasswordMessage(password: string, context: { email?: string; name?: string; organisationName?: string } = {}): string | null {
  const result = zxcvbn().check(password, userWords([context.email, context.name, context.organisationName]));
  if (result.score >= MIN_SCORE) return null;
  const advice = [result.feedback.warning, ...result.feedback.suggestions].filter((s): s is string => Boolean(s));
  return ["Ce mot de passe est trop facile à deviner.", ...advice, "Essayez une phrase de plusieurs mots sans rapport entre eux."].join(" ");
}
