FROM debian:12 AS base
ONBUILD RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u7

FROM debian:12
RUN echo hello
