import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { signedInRoute } from "./router.tsx";

// The pages of programmes, action plans and their benefits (issue 14), under the signed-in layout.
export function portfolioRoutes(parent: typeof signedInRoute) {
  const actionPlansRoute = createRoute({
    getParentRoute: () => parent,
    path: "/action-plans",
    component: lazyRouteComponent(
      () => import("./features/actionPlans/ActionPlansPage.tsx"),
      "ActionPlansPage",
    ),
  });

  const actionPlanRoute = createRoute({
    getParentRoute: () => parent,
    path: "/action-plans/$id",
    validateSearch: (search: Record<string, unknown>): { period?: string | undefined } => ({
      period: typeof search.period === "string" ? search.period : undefined,
    }),
    component: lazyRouteComponent(
      () => import("./features/actionPlans/ActionPlanPage.tsx"),
      "ActionPlanPage",
    ),
  });

  const programmesRoute = createRoute({
    getParentRoute: () => parent,
    path: "/programmes",
    component: lazyRouteComponent(() => import("./features/programmes/PortfolioPage.tsx"), "PortfolioPage"),
  });

  // The portfolio's benefit sums (issue 14); the router ranks this fixed path above /programmes/$id.
  const portfolioBenefitsRoute = createRoute({
    getParentRoute: () => parent,
    path: "/programmes/benefits",
    component: lazyRouteComponent(
      () => import("./features/benefits/PortfolioBenefitsPage.tsx"),
      "PortfolioBenefitsPage",
    ),
  });

  const programmeRoute = createRoute({
    getParentRoute: () => parent,
    path: "/programmes/$id",
    component: lazyRouteComponent(() => import("./features/programmes/ProgrammePage.tsx"), "ProgrammePage"),
  });

  const statusReportRoute = createRoute({
    getParentRoute: () => parent,
    path: "/programmes/$id/status-reports/$reportId",
    component: lazyRouteComponent(
      () => import("./features/programmes/StatusReportPage.tsx"),
      "StatusReportPage",
    ),
  });

  const programmeRegistersRoute = createRoute({
    getParentRoute: () => parent,
    path: "/programmes/$id/registers",
    component: lazyRouteComponent(
      () => import("./features/programmeRegisters/RegistersPage.tsx"),
      "RegistersPage",
    ),
  });

  const programmeBenefitsRoute = createRoute({
    getParentRoute: () => parent,
    path: "/programmes/$id/benefits",
    component: lazyRouteComponent(
      () => import("./features/benefits/BenefitsPage.tsx"),
      "ProgrammeBenefitsPage",
    ),
  });

  const actionPlanBenefitsRoute = createRoute({
    getParentRoute: () => parent,
    path: "/action-plans/$id/benefits",
    component: lazyRouteComponent(
      () => import("./features/benefits/BenefitsPage.tsx"),
      "ActionPlanBenefitsPage",
    ),
  });

  return [
    programmesRoute,
    programmeRoute,
    statusReportRoute,
    programmeRegistersRoute,
    programmeBenefitsRoute,
    actionPlansRoute,
    actionPlanRoute,
    actionPlanBenefitsRoute,
    portfolioBenefitsRoute,
  ] as const;
}
