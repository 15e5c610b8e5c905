FROM debian:12
LABEL 1invalid="x" com.docker.thing="y" ok.label="z"
