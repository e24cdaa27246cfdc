import { Spinner } from "@digdir/designsystemet-react";
import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import { fetchMe, fetchUnits, queryKeys } from "./api/hooks.ts";
import type { Me } from "./api/types.ts";
import { parseAuditSearch } from "./features/audit/auditSearch.ts";
import { LoginPage } from "./features/auth/LoginPage.tsx";
import { parseFiguresSearch } from "./features/scorecard/periods.ts";
import { parseUnitRisksSearch } from "./features/unitRisks/unitRiskPeriods.ts";
import { useT } from "./i18n/i18n.tsx";
import { portfolioRoutes } from "./portfolioRoutes.tsx";

// Routes are declared in code rather than generated from files: the app has few pages, and
// one readable list beats a build step.
//
// Only the login page is in the first download; the app shell (the signed-in layout) and every
// other page are chunks of their own, fetched when it is first opened (docs/performance.md has the
// figures). With lazyRouteComponent the router fetches a page's code as part of the navigation,
// before it renders, and reloads the app once when a tab opened before a new release asks for a
// chunk the release has removed (the server answers 404 for missing assets).

type RouterContext = { queryClient: QueryClient };

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/login",
  validateSearch: (
    search: Record<string, unknown>,
  ): { redirect: string | undefined; sso_error?: string | undefined } => ({
    redirect: typeof search.redirect === "string" ? search.redirect : undefined,
    // Why single sign-on was refused, as the server's callback says (src/features/sso/provider.ts).
    sso_error: typeof search.sso_error === "string" ? search.sso_error : undefined,
  }),
  component: LoginPage,
});

type Prefetching = typeof import("./prefetch.ts");

/** Fetching ahead is an optimisation: when it fails, the page asks again and shows the problem. */
function prefetch(read: (pages: Prefetching) => Promise<unknown>) {
  import("./prefetch.ts").then(read).catch(() => undefined);
}

const loadAppLayout = () => import("./features/layout/AppLayout.tsx");

/** Every page but the login page needs a signed-in user; others are sent to sign in first. */
export const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  beforeLoad: async ({ context, location }) => {
    // The layout's code is fetched while the server is asked who is signed in, not after.
    loadAppLayout().catch(() => undefined);
    const me = await context.queryClient.ensureQueryData({ queryKey: queryKeys.me, queryFn: fetchMe });
    if (!me) throw redirect({ to: "/login", search: { redirect: location.href } });
    // Nearly every page needs the units; they load while the page's code does.
    context.queryClient.prefetchQuery({ queryKey: queryKeys.units, queryFn: fetchUnits });
  },
  component: lazyRouteComponent(loadAppLayout, "AppLayout"),
});

const indexRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/",
  beforeLoad: ({ context }) => {
    // People who write or approve answers start at their inbox; everyone else (readers,
    // controllers, administrators) at the overview of their unit.
    const me = context.queryClient.getQueryData<Me | null>(queryKeys.me);
    const works = me?.roles.some((role) => role.role === "editor" || role.role === "approver");
    throw redirect({ to: works ? "/inbox" : "/start" });
  },
});

const startRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/start",
  component: lazyRouteComponent(() => import("./features/start/StartPage.tsx"), "StartPage"),
});

const unitsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/units",
  component: lazyRouteComponent(() => import("./features/units/UnitsPage.tsx"), "UnitsPage"),
});

const auditRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/audit",
  validateSearch: parseAuditSearch,
  component: lazyRouteComponent(() => import("./features/audit/AuditPage.tsx"), "AuditPage"),
});

const accountRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/account",
  component: lazyRouteComponent(() => import("./features/auth/AccountPage.tsx"), "AccountPage"),
});

const usersRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/users",
  component: lazyRouteComponent(() => import("./features/users/UsersPage.tsx"), "UsersPage"),
});

const scorecardRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/scorecard",
  validateSearch: parseFiguresSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => {
    prefetch((pages) => pages.prefetchScorecardPage(context.queryClient, deps));
  },
  component: lazyRouteComponent(() => import("./features/scorecard/ScorecardPage.tsx"), "ScorecardPage"),
});

const publishedScorecardRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/scorecard/published/$id",
  component: lazyRouteComponent(
    () => import("./features/scorecard/PublishedScorecardPage.tsx"),
    "PublishedScorecardPage",
  ),
});

const indicatorsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/indicators",
  component: lazyRouteComponent(() => import("./features/indicators/IndicatorsPage.tsx"), "IndicatorsPage"),
});

const indicatorRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/indicators/$id",
  validateSearch: parseFiguresSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps, params }) => {
    prefetch((pages) => pages.prefetchIndicatorPage(context.queryClient, Number(params.id), deps));
  },
  component: lazyRouteComponent(() => import("./features/indicators/IndicatorPage.tsx"), "IndicatorPage"),
});

const importRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/import",
  component: lazyRouteComponent(() => import("./features/import/ImportPage.tsx"), "ImportPage"),
});

const documentsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/documents",
  component: lazyRouteComponent(() => import("./features/documents/DocumentsPage.tsx"), "DocumentsPage"),
});

const documentTemplatesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/document-templates",
  component: lazyRouteComponent(() => import("./features/documents/TemplatesPage.tsx"), "TemplatesPage"),
});

const inboxRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/inbox",
  component: lazyRouteComponent(() => import("./features/inbox/InboxPage.tsx"), "InboxPage"),
});

const steeringRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/steering",
  component: lazyRouteComponent(() => import("./features/steering/SteeringListPage.tsx"), "SteeringListPage"),
});

const steeringDocumentRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/steering/$documentId",
  component: lazyRouteComponent(() => import("./features/steering/DocumentPage.tsx"), "DocumentPage"),
});

const steeringCompareRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/steering/$documentId/compare",
  validateSearch: (search: Record<string, unknown>): { with?: number } => {
    const other = Number(search.with);
    return Number.isInteger(other) && other > 0 ? { with: other } : {};
  },
  component: lazyRouteComponent(() => import("./features/steering/ComparePage.tsx"), "ComparePage"),
});

const roundRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/rounds/$roundId",
  loader: ({ context, params }) => {
    prefetch((pages) => pages.prefetchRoundPage(context.queryClient, Number(params.roundId)));
  },
  component: lazyRouteComponent(() => import("./features/rounds/RoundPage.tsx"), "RoundPage"),
});

const consolidationRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/rounds/$roundId/requirements/$requirementId",
  component: lazyRouteComponent(
    () => import("./features/answers/ConsolidationPage.tsx"),
    "ConsolidationPage",
  ),
});

const answerRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/answers/$answerId",
  component: lazyRouteComponent(() => import("./features/answers/AnswerPage.tsx"), "AnswerPage"),
});

const roundRiskRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/rounds/$roundId/risk",
  validateSearch: (search: Record<string, unknown>): { view?: "grid" | "heatmap" } =>
    search.view === "grid" || search.view === "heatmap" ? { view: search.view } : {},
  component: lazyRouteComponent(() => import("./features/risk/RoundRiskPage.tsx"), "RoundRiskPage"),
});

const riskAssessmentRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/risk-assessments/$id",
  component: lazyRouteComponent(() => import("./features/risk/RiskAssessmentPage.tsx"), "RiskAssessmentPage"),
});

const riskTableRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/steering/$documentId/risk",
  component: lazyRouteComponent(() => import("./features/risk/RiskTablePage.tsx"), "RiskTablePage"),
});

const measuresRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/measures",
  component: lazyRouteComponent(() => import("./features/measures/MeasuresPage.tsx"), "MeasuresPage"),
});

const newMeasureRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/measures/new",
  component: lazyRouteComponent(() => import("./features/measures/NewMeasurePage.tsx"), "NewMeasurePage"),
});

const measureRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/measures/$id",
  component: lazyRouteComponent(() => import("./features/measures/MeasurePage.tsx"), "MeasurePage"),
});

const unitRisksRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/units/$unitId/risks",
  validateSearch: parseUnitRisksSearch,
  component: lazyRouteComponent(() => import("./features/unitRisks/UnitRisksPage.tsx"), "UnitRisksPage"),
});

const notificationsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/notifications",
  component: lazyRouteComponent(
    () => import("./features/notifications/NotificationsPage.tsx"),
    "NotificationsPage",
  ),
});

const sentMailRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/notifications/mail",
  component: lazyRouteComponent(() => import("./features/notifications/SentMailPage.tsx"), "SentMailPage"),
});

const helpRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/help",
  component: lazyRouteComponent(() => import("./features/help/HelpPage.tsx"), "HelpPage"),
});

/** Any other address: the 404 page, inside the signed-in layout so navigation stays at hand. */
const notFoundRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "$",
  component: lazyRouteComponent(() => import("./features/not-found/NotFoundPage.tsx"), "NotFoundPage"),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  signedInRoute.addChildren([
    indexRoute,
    startRoute,
    unitsRoute,
    auditRoute,
    usersRoute,
    accountRoute,
    scorecardRoute,
    publishedScorecardRoute,
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
    roundRiskRoute,
    riskAssessmentRoute,
    riskTableRoute,
    notificationsRoute,
    sentMailRoute,
    measuresRoute,
    newMeasureRoute,
    measureRoute,
    unitRisksRoute,
    ...portfolioRoutes(signedInRoute),
    helpRoute,
    notFoundRoute,
  ]),
]);

/** Shown in place of a page whose code is still on its way, after the router's one-second wait. */
function PageLoading() {
  const t = useT();
  return <Spinner aria-label={t("common.loading")} />;
}

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: false,
    defaultPendingComponent: PageLoading,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
