# Build stage: compiles the native SQLite binding from source (no downloads
# outside the npm registry) and installs production dependencies only.
FROM node:24-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Build against the headers the image already has, so nothing is fetched from nodejs.org.
ENV npm_config_build_from_source=true npm_config_nodedir=/usr/local
RUN npm ci --omit=dev

FROM node:24-slim
ENV NODE_ENV=production PORT=3000 TASA_DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY package.json ./
COPY src ./src
COPY locales ./locales
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--experimental-strip-types", "src/main.ts"]
