FROM debian:12
COPY app.tar /usr/src/app
RUN tar -xf /usr/src/app/app.tar
