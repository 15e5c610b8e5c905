LABEL team=payments
FROM debian:12
