# syntax=docker/dockerfile:1
# Salesflow: build the engine's fat jar (with the webapp inside), then run it on a JRE as a non-root user.
#   docker build -t salesflow .        (docker-compose.yml builds it for you)

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /workspace
COPY . .
# The webapp build fetches its pinned Node (webapp/pom.xml, node.version) and npm packages itself.
# Tests and format checks belong to CI, not to the image build.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -pl engine -am package -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true \
    && cp engine/target/salesflow-engine-0.1.0-SNAPSHOT.jar /workspace/app.jar

FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system salesflow \
    && useradd --system --gid salesflow --home-dir /app --shell /usr/sbin/nologin salesflow \
    && mkdir -p /app \
    && chown salesflow:salesflow /app
WORKDIR /app
COPY --from=build --chown=salesflow:salesflow /workspace/app.jar /app/app.jar
USER salesflow
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=6 \
    CMD curl -fsS -o /dev/null http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
