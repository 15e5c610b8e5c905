FROM node:20-slim
RUN npm install --loglevel verbose express@4.19.2
