import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [reactRouter()],
  server: { host: "127.0.0.1", port: 3000 },
  ssr: {
    // PGlite ships WASM and data files it resolves relative to its own module: load it from
    // node_modules at run time instead of bundling it.
    external: ["@electric-sql/pglite", "pg", "better-auth", "nodemailer"],
  },
});
