# Build stage: compiles the TypeScript, then drops the development dependencies.
# Nothing native is built: SQLite is Node's own (node:sqlite), so no compilers.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the only install script in the tree is that of the `node`
# development dependency, which fetches a Node 24 binary for the npm scripts on
# machines whose own Node is older; the image has Node 24 already. (Not
# --omit=optional: @resvg/resvg-js ships its native renderer as optional
# dependencies, and the heatmap needs it.)
RUN npm ci --ignore-scripts
COPY tsconfig.json ./
COPY .config/tsconfig.build.json ./.config/
COPY src ./src
# Compiled JavaScript starts faster and takes about 25 MB less memory than
# stripping types at run time; tsc does not copy the example configuration.
RUN npm run build \
 && cp src/config/tasa.example.yaml dist/config/ \
 && npm prune --omit=dev

FROM node:24-slim
# MALLOC_ARENA_MAX: glibc's per-thread arenas otherwise keep tens of MB after
# a large piece of work on one of libuv's worker threads.
ENV NODE_ENV=production PORT=3000 TASA_DATA_DIR=/data MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY locales ./locales
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# A 2 MB young generation: V8's default keeps 64 MB of it resident even when idle.
CMD ["node", "--max-semi-space-size=2", "dist/main.js"]
