import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
  // The server entry imports core modules from src/; keep them in the server bundle's graph.
} satisfies Config;
