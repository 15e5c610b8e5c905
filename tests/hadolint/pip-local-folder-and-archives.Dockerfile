FROM python:3.12-slim
COPY . /src
RUN pip install --no-cache-dir ./src vendor/lib dist/app.tar dist/app-1.0.whl
