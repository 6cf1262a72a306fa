# Wenzheng on Payara Micro, with the database from the environment (DB_URL, DB_USER, DB_PASSWORD).
#   docker build -t wenzheng .
#   docker run -p 8080:8080 -e DB_URL=jdbc:postgresql://db-host:5432/wenzheng -e DB_USER=wenzheng -e DB_PASSWORD=... wenzheng
# The Payara Micro jar is the one the build copies from the pom's payara.version, so the image, the run command and
# the tests always run the same Payara.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY src src
COPY webapp-theme webapp-theme
RUN mvn -B -q -ntp -Dmaven.test.skip=true package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /opt/wenzheng wenzheng \
    && mkdir -p /opt/wenzheng/tmp && chown -R wenzheng /opt/wenzheng
WORKDIR /opt/wenzheng
COPY --from=build /src/target/payara-micro.jar /src/target/wenzheng.war ./
USER wenzheng
ENV TZ=Asia/Shanghai
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-Djava.io.tmpdir=/opt/wenzheng/tmp", "-jar", "payara-micro.jar", \
            "--deploy", "wenzheng.war", "--contextroot", "/", "--port", "8080", "--nocluster", \
            "--rootdir", "/opt/wenzheng/tmp/payara"]
