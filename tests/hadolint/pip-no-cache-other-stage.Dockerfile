FROM python:3.12-slim AS base
ENV PIP_NO_CACHE_DIR=1

FROM python:3.12-slim
RUN pip install flask==3.0.3
