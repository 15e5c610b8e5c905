FROM fedora:40 AS build
ENV GIT_VERSION=2.45.2-1.fc40

FROM fedora:40
RUN dnf -y install git-core-${GIT_VERSION} && dnf clean all
