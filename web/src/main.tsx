import "@digdir/designsystemet-css";
import "@digdir/designsystemet-theme/digdir.css";
import "./app.css";
import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { isApiProblem } from "./api/client.ts";
import { queryKeys } from "./api/hooks.ts";
import { SelectedUnitProvider } from "./features/layout/selectedUnit.tsx";
import { LocaleProvider } from "./i18n/i18n.tsx";
import { createAppRouter } from "./router.tsx";

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error) => {
      // A session that expires mid-visit: forget the user, and the layout sends them to sign in.
      if (isApiProblem(error) && error.status === 401) queryClient.setQueryData(queryKeys.me, null);
    },
  }),
  defaultOptions: {
    queries: {
      // A 4xx answer will not change by asking again; network and server errors might.
      retry: (failureCount, error) =>
        !(isApiProblem(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const router = createAppRouter(queryClient);

const rootElement = document.getElementById("root");
if (!rootElement) throw new Error("index.html has no #root element");

createRoot(rootElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <SelectedUnitProvider>
          <RouterProvider router={router} />
        </SelectedUnitProvider>
      </LocaleProvider>
    </QueryClientProvider>
  </StrictMode>,
);
