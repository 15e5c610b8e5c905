FROM opensuse/leap:15.6
RUN zypper clean && zypper -n install curl=8.6.0
