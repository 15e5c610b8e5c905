FROM rockylinux:9
RUN dnf -y module install nodejs && dnf -y module install php:8.2 && dnf clean all
