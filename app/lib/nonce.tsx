import { createContext, type ReactNode, useContext } from "react";

// The CSP nonce travels from entry.server to <Scripts> through React context. On the client it
// is absent, which is fine: browsers hide nonces from the DOM anyway.
const NonceContext = createContext<string | undefined>(undefined);

export function NonceProvider(props: { value: string; children: ReactNode }) {
  return <NonceContext.Provider value={props.value}>{props.children}</NonceContext.Provider>;
}

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
