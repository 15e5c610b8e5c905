FROM node:20-slim
COPY package-v1.2.3.tar /tmp/
RUN npm install /tmp/package-v1.2.3.tar && npm install git+https://github.com/acme/lib.git
