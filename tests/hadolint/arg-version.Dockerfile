FROM fedora:40
ARG GIT_VERSION=2.45.2-1.fc40
RUN dnf -y install git-core-${GIT_VERSION} && dnf clean all
