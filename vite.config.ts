import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The web app lives in web/ and is served by the API server from web/dist in production.
// In development, Vite serves the app and forwards /api to the API server, so cookies stay
// same-origin and the server's cross-site check accepts the requests.
export default defineConfig({
  root: "web",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rolldownOptions: {
      // The design system's React package re-exports every component from one index module, and
      // says nothing of side effects. Without this rule, every component any page uses becomes
      // part of the first page; with it, each page's chunk carries only the components it uses.
      treeshake: {
        moduleSideEffects: [
          { test: /node_modules[\\/]@digdir[\\/]designsystemet-react[\\/]/, sideEffects: false },
        ],
      },
      output: {
        // Libraries change less often than the app; separate chunks stay cached between releases.
        // Every page but the login page and the app shell is loaded lazily (web/src/router.tsx), so
        // there is no catch-all library chunk: it would hold every page's libraries and be part
        // of the first page. The remaining libraries go with the pages that use them.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            // The router and the query cache; not @tanstack/virtual, which only some components use.
            {
              name: "tanstack",
              test: /node_modules[\\/]@tanstack[\\/](react-router|router-core|history|store|react-store|react-query|query-core)[\\/]/,
            },
            // Only the indicator page's chart needs ECharts; its own chunk loads with that page.
            { name: "echarts", test: /node_modules[\\/](echarts|zrender)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      "/api": { target: "http://localhost:3000" },
    },
  },
});
