FROM node:20-slim
ONBUILD RUN yarn install
