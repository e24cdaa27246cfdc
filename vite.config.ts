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
      output: {
        // Libraries change less often than the app; separate chunks stay cached between releases.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: "tanstack", test: /node_modules[\\/]@tanstack[\\/]/ },
            // Only the indicator page's chart needs ECharts; its own chunk loads with that page.
            { name: "echarts", test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: "libraries", test: /node_modules[\\/]/ },
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
