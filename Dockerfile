# Steward: multi-stage build, small runtime image, runs as a non-root user.
# docker build -t steward . && docker run -e DISCORD_TOKEN=… -v steward-data:/data steward
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts tsconfig.json ./
COPY src ./src
COPY bench ./bench
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund

FROM node:20-slim
ENV NODE_ENV=production \
    STEWARD_DATA_DIR=/data \
    STEWARD_COMMUNITIES_DIR=/config/communities
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY rules ./rules
COPY models ./models
COPY examples ./examples
COPY prisma/migrations ./prisma/migrations
RUN mkdir -p /data /config/communities && chown -R node:node /data /config
USER node
VOLUME ["/data"]
EXPOSE 3000
ENTRYPOINT ["node", "bin/steward.js"]
CMD ["start"]
