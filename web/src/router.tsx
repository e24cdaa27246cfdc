import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import { fetchMe, queryKeys } from "./api/hooks.ts";
import { AuditPage } from "./features/audit/AuditPage.tsx";
import { parseAuditSearch } from "./features/audit/auditSearch.ts";
import { LoginPage } from "./features/auth/LoginPage.tsx";
import { AppLayout } from "./features/layout/AppLayout.tsx";
import { NotFoundPage } from "./features/not-found/NotFoundPage.tsx";
import { UnitsPage } from "./features/units/UnitsPage.tsx";
import { UsersPage } from "./features/users/UsersPage.tsx";

// Routes are declared in code rather than generated from files: the app has few pages, and
// one readable list beats a build step.

type RouterContext = { queryClient: QueryClient };

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/login",
  validateSearch: (search: Record<string, unknown>): { redirect: string | undefined } => ({
    redirect: typeof search.redirect === "string" ? search.redirect : undefined,
  }),
  component: LoginPage,
});

/** Every page but the login page needs a signed-in user; others are sent to sign in first. */
const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData({ queryKey: queryKeys.me, queryFn: fetchMe });
    if (!me) throw redirect({ to: "/login", search: { redirect: location.href } });
  },
  component: AppLayout,
});

const indexRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/units" });
  },
});

const unitsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/units",
  component: UnitsPage,
});

const auditRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/audit",
  validateSearch: parseAuditSearch,
  component: AuditPage,
});

const usersRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/users",
  component: UsersPage,
});

/** Any other address: the 404 page, inside the signed-in layout so navigation stays at hand. */
const notFoundRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "$",
  component: NotFoundPage,
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  signedInRoute.addChildren([indexRoute, unitsRoute, auditRoute, usersRoute, notFoundRoute]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: false,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
