import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Db } from "../../db/client.ts";
import { callerOf } from "../../http.ts";
import { idParams, versionQuery } from "../../schemas/common.ts";
import { noContentReplies, replies } from "../../schemas/contract.ts";
import { loadBenefit, loadCost, loadOwner, refuseNonEditors } from "./access.ts";
import { getBenefit, getBenefitChart, getBenefitPlan, getCosts, getReadings } from "./plan.ts";
import { getBenefitPortfolio } from "./portfolio.ts";
import {
  benefitChartView,
  benefitPlanView,
  benefitPortfolioView,
  benefitView,
  costListView,
  costView,
  createBenefitInput,
  createCostInput,
  onQuery,
  portfolioQuery,
  readingsView,
  saveReadingsInput,
  updateBenefitInput,
  updateCostInput,
} from "./schema.ts";
import {
  createBenefit,
  createCost,
  deleteBenefit,
  deleteCost,
  saveReadings,
  updateBenefit,
  updateCost,
} from "./service.ts";

const tags = ["benefits"];

/** Benefits and costs hang on a programme or an action plan: the same routes under each. */
const owners = [
  { kind: "programme", path: "/api/programmes/:id", name: "a programme" },
  { kind: "action_plan", path: "/api/action-plans/:id", name: "an action plan" },
] as const;

// Benefits realisation (issue 14, DFØ's gevinstrealisering): benefits, readings, costs, the
// benefits plan, a benefit's chart and the portfolio's sums.
export const benefitRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    /**
     * Rights before the body: someone who may not change the benefits is refused (404 or 403)
     * whatever the body holds. The id is checked as the params schema would.
     */
    const ownerEditorsOnly = (kind: (typeof owners)[number]["kind"]) => async (request: FastifyRequest) => {
      const parsed = idParams.safeParse(request.params);
      if (!parsed.success) return;
      const { principal } = callerOf(request);
      refuseNonEditors(principal, await loadOwner(db, principal, kind, parsed.data.id));
    };
    const benefitEditorsOnly = async (request: FastifyRequest) => {
      const parsed = idParams.safeParse(request.params);
      if (!parsed.success) return;
      const { principal } = callerOf(request);
      refuseNonEditors(principal, (await loadBenefit(db, principal, parsed.data.id)).owner);
    };
    const costEditorsOnly = async (request: FastifyRequest) => {
      const parsed = idParams.safeParse(request.params);
      if (!parsed.success) return;
      const { principal } = callerOf(request);
      refuseNonEditors(principal, (await loadCost(db, principal, parsed.data.id)).owner);
    };

    for (const owner of owners) {
      app.get(
        `${owner.path}/benefits`,
        {
          schema: {
            tags,
            summary: `The benefits plan of ${owner.name}: each benefit to date, the costs, and economic benefits summed against them`,
            params: idParams,
            querystring: onQuery,
            response: replies(benefitPlanView),
          },
        },
        async (request) =>
          getBenefitPlan(db, callerOf(request), owner.kind, request.params.id, request.query),
      );

      app.post(
        `${owner.path}/benefits`,
        {
          preValidation: ownerEditorsOnly(owner.kind),
          schema: {
            tags,
            summary: `Add a benefit to ${owner.name}; the owner unit's editors`,
            params: idParams,
            body: createBenefitInput,
            response: replies(benefitView, 201),
          },
        },
        async (request, reply) =>
          reply
            .code(201)
            .send(await createBenefit(db, callerOf(request), owner.kind, request.params.id, request.body)),
      );

      app.post(
        `${owner.path}/costs`,
        {
          preValidation: ownerEditorsOnly(owner.kind),
          schema: {
            tags,
            summary: `Add a planned or actual cost or investment for a year to ${owner.name}`,
            params: idParams,
            body: createCostInput,
            response: replies(costView, 201),
          },
        },
        async (request, reply) =>
          reply
            .code(201)
            .send(await createCost(db, callerOf(request), owner.kind, request.params.id, request.body)),
      );

      app.get(
        `${owner.path}/costs`,
        {
          schema: {
            tags,
            summary: `The planned and actual costs and investments of ${owner.name}, by year and kind`,
            params: idParams,
            response: replies(costListView),
          },
        },
        async (request) => getCosts(db, callerOf(request), owner.kind, request.params.id),
      );
    }

    app.get(
      "/api/benefits/portfolio",
      {
        schema: {
          tags,
          summary:
            "Economic benefits expected and realised to date against investment, per programme and action plan of a unit's subtree, and in total",
          querystring: portfolioQuery,
          response: replies(benefitPortfolioView),
        },
      },
      async (request) => getBenefitPortfolio(db, callerOf(request), request.query),
    );

    app.get(
      "/api/benefits/:id/chart",
      {
        schema: {
          tags,
          summary:
            "A benefit's expected against realised value month by month, from the baseline to the target day or today",
          params: idParams,
          querystring: onQuery,
          response: replies(benefitChartView),
        },
      },
      async (request) => getBenefitChart(db, callerOf(request), request.params.id, request.query),
    );

    app.get(
      "/api/benefits/:id",
      {
        schema: { tags, summary: "A benefit", params: idParams, response: replies(benefitView) },
      },
      async (request) => getBenefit(db, callerOf(request), request.params.id),
    );

    app.get(
      "/api/benefits/:id/readings",
      {
        schema: {
          tags,
          summary: "A benefit's readings by day: those entered, or its indicator's monthly values",
          params: idParams,
          response: replies(readingsView),
        },
      },
      async (request) => getReadings(db, callerOf(request), request.params.id),
    );

    app.patch(
      "/api/benefits/:id",
      {
        preValidation: benefitEditorsOnly,
        schema: {
          tags,
          summary: "Change a benefit (send the version you read; 409 if it changed since)",
          params: idParams,
          body: updateBenefitInput,
          response: replies(benefitView),
        },
      },
      async (request) => updateBenefit(db, callerOf(request), request.params.id, request.body),
    );

    app.delete(
      "/api/benefits/:id",
      {
        preValidation: benefitEditorsOnly,
        schema: {
          tags,
          summary: "Remove a benefit and its readings",
          params: idParams,
          querystring: versionQuery,
          response: noContentReplies(),
        },
      },
      async (request, reply) => {
        await deleteBenefit(db, callerOf(request), request.params.id, request.query.version);
        return reply.code(204).send(null);
      },
    );

    app.post(
      "/api/benefits/:id/readings",
      {
        preValidation: benefitEditorsOnly,
        schema: {
          tags,
          summary: `Enter readings (at most 120); one on a day that has one replaces it`,
          params: idParams,
          body: saveReadingsInput,
          response: replies(readingsView),
        },
      },
      async (request) => saveReadings(db, callerOf(request), request.params.id, request.body),
    );

    app.patch(
      "/api/benefit-costs/:id",
      {
        preValidation: costEditorsOnly,
        schema: {
          tags,
          summary: "Change a cost (send the version you read; 409 if it changed since)",
          params: idParams,
          body: updateCostInput,
          response: replies(costView),
        },
      },
      async (request) => updateCost(db, callerOf(request), request.params.id, request.body),
    );

    app.delete(
      "/api/benefit-costs/:id",
      {
        preValidation: costEditorsOnly,
        schema: {
          tags,
          summary: "Remove a cost",
          params: idParams,
          querystring: versionQuery,
          response: noContentReplies(),
        },
      },
      async (request, reply) => {
        await deleteCost(db, callerOf(request), request.params.id, request.query.version);
        return reply.code(204).send(null);
      },
    );
  };
