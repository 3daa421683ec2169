# Roadbook as a container: build the production jar, run it as a non-root user.
# Configured only through environment variables (see README, "Configuration").

FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q -Pproduction dependency:go-offline
COPY src src
COPY db db
RUN ./mvnw -B -q -Pproduction -DskipTests package && cp target/roadbook-*.jar /roadbook.jar

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 --create-home --home-dir /home/roadbook roadbook
COPY --from=build /roadbook.jar /opt/roadbook/roadbook.jar
USER 10001:10001
WORKDIR /home/roadbook
ENV ROADBOOK_DATA_DIR=/home/roadbook/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/roadbook/roadbook.jar"]
