import { createContext, useContext } from "react";

/**
 * The CSP nonce of the page being rendered, provided by entry.server.tsx. In the browser it is the
 * empty string: browsers hide nonce attributes from the DOM, and scripts added after hydration
 * are loaded by Remix from 'self'.
 */
export const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export function useNonce(): string {
  return useContext(NonceContext);
}
