import { createContext, useContext } from "react";
import type { Me } from "../../api/types.ts";

/** The signed-in user, provided by the layout once it knows someone is signed in. */
export const SignedInUserContext = createContext<Me | null>(null);

export function useSignedInUser(): Me {
  const me = useContext(SignedInUserContext);
  if (!me) throw new Error("useSignedInUser must be used inside the signed-in layout");
  return me;
}
