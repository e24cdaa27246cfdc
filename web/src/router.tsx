import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import { fetchMe, queryKeys } from "./api/hooks.ts";
import type { Me } from "./api/types.ts";
import { AnswerPage } from "./features/answers/AnswerPage.tsx";
import { ConsolidationPage } from "./features/answers/ConsolidationPage.tsx";
import { AuditPage } from "./features/audit/AuditPage.tsx";
import { parseAuditSearch } from "./features/audit/auditSearch.ts";
import { AccountPage } from "./features/auth/AccountPage.tsx";
import { LoginPage } from "./features/auth/LoginPage.tsx";
import { DocumentsPage } from "./features/documents/DocumentsPage.tsx";
import { TemplatesPage } from "./features/documents/TemplatesPage.tsx";
import { ImportPage } from "./features/import/ImportPage.tsx";
import { InboxPage } from "./features/inbox/InboxPage.tsx";
import { IndicatorPage } from "./features/indicators/IndicatorPage.tsx";
import { IndicatorsPage } from "./features/indicators/IndicatorsPage.tsx";
import { AppLayout } from "./features/layout/AppLayout.tsx";
import { NotFoundPage } from "./features/not-found/NotFoundPage.tsx";
import { RoundPage } from "./features/rounds/RoundPage.tsx";
import { parseFiguresSearch } from "./features/scorecard/periods.ts";
import { ScorecardPage } from "./features/scorecard/ScorecardPage.tsx";
import { ComparePage } from "./features/steering/ComparePage.tsx";
import { DocumentPage } from "./features/steering/DocumentPage.tsx";
import { SteeringListPage } from "./features/steering/SteeringListPage.tsx";
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
  beforeLoad: ({ context }) => {
    // People who write or approve answers start at their inbox; everyone else at the organisation.
    const me = context.queryClient.getQueryData<Me | null>(queryKeys.me);
    const works = me?.roles.some((role) => role.role === "editor" || role.role === "approver");
    throw redirect({ to: works ? "/inbox" : "/units" });
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

const accountRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/account",
  component: AccountPage,
});

const usersRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/users",
  component: UsersPage,
});

const scorecardRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/scorecard",
  validateSearch: parseFiguresSearch,
  component: ScorecardPage,
});

const indicatorsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/indicators",
  component: IndicatorsPage,
});

const indicatorRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/indicators/$id",
  validateSearch: parseFiguresSearch,
  component: IndicatorPage,
});

const importRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/import",
  component: ImportPage,
});

const documentsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/documents",
  component: DocumentsPage,
});

const documentTemplatesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/document-templates",
  component: TemplatesPage,
});

const inboxRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/inbox",
  component: InboxPage,
});

const steeringRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/steering",
  component: SteeringListPage,
});

const steeringDocumentRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/steering/$documentId",
  component: DocumentPage,
});

const steeringCompareRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/steering/$documentId/compare",
  validateSearch: (search: Record<string, unknown>): { with?: number } => {
    const other = Number(search.with);
    return Number.isInteger(other) && other > 0 ? { with: other } : {};
  },
  component: ComparePage,
});

const roundRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/rounds/$roundId",
  component: RoundPage,
});

const consolidationRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/rounds/$roundId/requirements/$requirementId",
  component: ConsolidationPage,
});

const answerRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/answers/$answerId",
  component: AnswerPage,
});

/** Any other address: the 404 page, inside the signed-in layout so navigation stays at hand. */
const notFoundRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "$",
  component: NotFoundPage,
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  signedInRoute.addChildren([
    indexRoute,
    unitsRoute,
    auditRoute,
    usersRoute,
    accountRoute,
    scorecardRoute,
    indicatorsRoute,
    indicatorRoute,
    importRoute,
    documentsRoute,
    documentTemplatesRoute,
    inboxRoute,
    steeringRoute,
    steeringDocumentRoute,
    steeringCompareRoute,
    roundRoute,
    consolidationRoute,
    answerRoute,
    notFoundRoute,
  ]),
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
