FROM python:3.12-slim
RUN PIP_NO_CACHE_DIR=yes pip install flask==3.0.3
RUN export PIP_NO_CACHE_DIR=true && pip install requests==2.32.3
