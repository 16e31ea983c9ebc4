package io.salesflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.w3c.dom.Element;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Keeps docker-compose.yml, its init script, the load balancer's configuration and the Dockerfile true to
 * the application: every variable the replicas set names a property Salesflow reads, and the replicas sign in
 * with the roles and the database the PostgreSQL container creates. Plain files, no Spring context.
 */
class DockerComposeConsistencyTest {

    private static final Path ROOT = Path.of("..");
    private static final String POSTGRES = "postgres";
    private static final String MAILPIT = "mailpit";
    private static final String LOAD_BALANCER = "loadbalancer";
    private static final String FIRST = "salesflow-1";
    private static final String SECOND = "salesflow-2";
    private static final List<String> REPLICAS = List.of(FIRST, SECOND);
    private static final String DEMO_ENABLED = "SALESFLOW_DEMO_ENABLED";
    private static final int APP_PORT = 8080;

    /** Spring Boot's own properties the replicas may set; the application's are read from its sources. */
    private static final Set<String> STANDARD_PROPERTIES = Set.of(
            "spring.datasource.url",
            "spring.datasource.username",
            "spring.datasource.password",
            "spring.flyway.user",
            "spring.flyway.password",
            "spring.profiles.active",
            "spring.mail.host",
            "spring.mail.port");

    private static final List<String> APPLICATION_PREFIXES =
            List.of("salesflow.database", "salesflow.embedded-db", "salesflow.auth", "salesflow.api", "salesflow.demo");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)");
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+).*");
    private static final Pattern CREATE_ROLE = Pattern.compile(
            "CREATE\\s+ROLE\\s+(\\w+)\\s+([^;]*?)PASSWORD\\s+'((?:[^']|'')*)'", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_DATABASE =
            Pattern.compile("CREATE\\s+DATABASE\\s+(\\w+)\\s+OWNER\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

    private static Map<String, Object> services;
    private static Map<String, Object> applicationYaml;
    private static KnownProperties known;

    @BeforeAll
    static void readFiles() {
        services = map(load(ROOT.resolve("docker-compose.yml")).get("services"));
        applicationYaml = flatten("", load(Path.of("src", "main", "resources", "application.yml")));
        known = KnownProperties.of(applicationYaml);
    }

    @Test
    void composeRunsDatabaseTwoReplicasMailCatcherAndLoadBalancer() {
        assertThat(services).containsKeys(POSTGRES, FIRST, SECOND, MAILPIT, LOAD_BALANCER);
        assertThat(string(service(POSTGRES).get("image"))).startsWith("postgres:17");
        assertThat(string(service(MAILPIT).get("image"))).startsWith("axllent/mailpit");
        for (String replica : REPLICAS) {
            assertThat(service(replica))
                    .as("%s is built from the Dockerfile", replica)
                    .containsKey("build");
        }
    }

    @Test
    void replicasDifferOnlyInWhichOneLoadsDemoData() {
        Map<String, String> first = new HashMap<>(environment(FIRST));
        Map<String, String> second = new HashMap<>(environment(SECOND));

        assertThat(first.remove(DEMO_ENABLED)).isEqualTo("true");
        assertThat(second.remove(DEMO_ENABLED)).isEqualTo("false");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void everyReplicaVariableNamesAPropertyTheApplicationKnows() {
        assertThat(known.prefixes()).containsAll(APPLICATION_PREFIXES);
        for (String replica : REPLICAS) {
            List<String> unknown = environment(replica).keySet().stream()
                    .filter(name ->
                            name.startsWith("SPRING_") || name.startsWith("SALESFLOW_") || name.startsWith("SERVER_"))
                    .filter(name -> !known.covers(name))
                    .toList();
            assertThat(unknown)
                    .as("variables of %s that no property of the application answers to", replica)
                    .isEmpty();
        }
    }

    @Test
    void aMisspelledVariableIsNotTakenForAKnownProperty() {
        assertThat(known.covers("SALESFLOW_AUTH_JWT_SECRET")).isTrue();
        assertThat(known.covers("SALESFLOW_AUTH_JWT_SECRT")).isFalse();
        assertThat(known.covers("SPRING_DATASOURCE_USER")).isFalse();
    }

    @Test
    void replicasReachDatabaseAndMailByServiceName() {
        for (String replica : REPLICAS) {
            Map<String, String> env = environment(replica);
            Matcher url = jdbcUrl(env);
            assertThat(services).as("database host of %s", replica).containsKey(url.group(1));
            assertThat(url.group(1)).isEqualTo(POSTGRES);
            assertThat(services).as("mail host of %s", replica).containsKey(env.get("SPRING_MAIL_HOST"));
        }
    }

    @Test
    void replicasSignInWithTheRolesAndDatabaseTheInitScriptCreates() {
        String script = initScript();
        Map<String, String> passwords = new HashMap<>();
        Map<String, String> options = new HashMap<>();
        Matcher role = CREATE_ROLE.matcher(script);
        while (role.find()) {
            passwords.put(role.group(1), role.group(3).replace("''", "'"));
            options.put(role.group(1), role.group(2).toUpperCase(Locale.ROOT));
        }
        Matcher database = CREATE_DATABASE.matcher(script);
        assertThat(database.find()).as("the init script creates the database").isTrue();

        for (String replica : REPLICAS) {
            Map<String, String> env = environment(replica);
            String appRole = env.get("SPRING_DATASOURCE_USERNAME");
            String ownerRole = env.get("SPRING_FLYWAY_USER");

            assertThat(jdbcUrl(env).group(3)).isEqualTo(database.group(1));
            assertThat(ownerRole).as("Flyway runs as the database owner").isEqualTo(database.group(2));
            assertThat(appRole).isNotEqualTo(ownerRole);
            assertThat(passwords).containsEntry(appRole, env.get("SPRING_DATASOURCE_PASSWORD"));
            assertThat(passwords).containsEntry(ownerRole, env.get("SPRING_FLYWAY_PASSWORD"));
            assertThat(options.get(appRole)).contains("NOSUPERUSER", "NOBYPASSRLS");
            assertThat(env.getOrDefault(
                            "SALESFLOW_DATABASE_APP_ROLE", string(applicationYaml.get("salesflow.database.app-role"))))
                    .as("the role the migrations grant to is the one the replica connects as")
                    .isEqualTo(appRole);
        }
    }

    @Test
    void replicasShareAJwtSecretOfAtLeast32Bytes() {
        String first = environment(FIRST).get("SALESFLOW_AUTH_JWT_SECRET");
        assertThat(first).isNotNull();
        assertThat(first.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThanOrEqualTo(32);
        assertThat(environment(SECOND).get("SALESFLOW_AUTH_JWT_SECRET")).isEqualTo(first);
    }

    @Test
    void replicasWaitForTheDatabaseAndTheSecondForTheFirst() {
        assertThat(healthcheck(POSTGRES)).contains("pg_isready");
        for (String replica : REPLICAS) {
            assertThat(condition(replica, POSTGRES)).isEqualTo("service_healthy");
            assertThat(healthcheck(replica)).contains("/actuator/health/readiness");
        }
        assertThat(condition(SECOND, FIRST))
                .as("migrations and demo data run once, on the first replica, before the second starts")
                .isEqualTo("service_healthy");
    }

    @Test
    void loadBalancerForwardsToBothReplicasOnPort8080() {
        Map<String, Object> balancer = service(LOAD_BALANCER);
        assertThat(list(balancer.get("ports")).stream().map(DockerComposeConsistencyTest::string))
                .anyMatch(port -> port.startsWith(APP_PORT + ":"));
        String configuration = mountedFiles(balancer).stream()
                .map(DockerComposeConsistencyTest::read)
                .map(text -> text.replaceAll("#.*", ""))
                .reduce("", String::concat);
        for (String replica : REPLICAS) {
            assertThat(configuration).contains(replica + ":" + APP_PORT);
        }
    }

    @Test
    void replicasTakeForwardedHeadersFromTheLoadBalancerAlone() {
        String balancer = string(
                map(map(service(LOAD_BALANCER).get("networks")).get("default")).get("ipv4_address"));
        String subnet = balancer.substring(0, balancer.lastIndexOf('.') + 1);
        for (String replica : REPLICAS) {
            String proxies = environment(replica).get("SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES");
            assertThat(proxies).as("%s names its trusted proxy", replica).isNotBlank();
            Pattern trusted = Pattern.compile(proxies);
            assertThat(trusted.matcher(balancer).matches()).isTrue();
            for (String other : List.of(subnet + "1", subnet + "2", subnet + "100", "127.0.0.1", "10.0.0.1")) {
                assertThat(trusted.matcher(other).matches())
                        .as("%s trusts %s", replica, other)
                        .isFalse();
            }
        }
    }

    @Test
    void dockerfileRunsTheEngineJarOnPort8080() throws Exception {
        String dockerfile = read(ROOT.resolve("Dockerfile"));
        Element project;
        try (InputStream pom = Files.newInputStream(Path.of("pom.xml"))) {
            project = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(pom)
                    .getDocumentElement();
        }
        String artifactId = child(project, "artifactId");
        String version = child(project, "version") != null
                ? child(project, "version")
                : child((Element) project.getElementsByTagName("parent").item(0), "version");

        assertThat(dockerfile).containsPattern("(?m)^EXPOSE\\s+(.*\\s)?" + APP_PORT + "\\b");
        assertThat(dockerfile)
                .containsAnyOf(
                        "engine/target/" + artifactId + "-" + version + ".jar",
                        "engine/target/" + artifactId + "-*.jar");
        assertThat(dockerfile).containsPattern("(?m)^(ENTRYPOINT|CMD)\\s.*java.*-jar");
    }

    /** Property names the application reads, compared the way Spring's relaxed binding reads variables. */
    private record KnownProperties(
            Set<String> names, Set<String> mapPrefixes, Set<String> variables, Set<String> prefixes) {

        static KnownProperties of(Map<String, Object> applicationYaml) {
            Set<String> names = new TreeSet<>(STANDARD_PROPERTIES);
            Set<String> variables = new TreeSet<>();
            applicationYaml.forEach((key, value) -> {
                names.add(key);
                Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(value));
                while (placeholder.find()) {
                    variables.add(placeholder.group(1));
                    names.add(placeholder.group(1));
                }
            });
            Set<String> mapPrefixes = new TreeSet<>();
            Set<String> prefixes = new TreeSet<>();
            ClassPathScanningCandidateComponentProvider scanner =
                    new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
            for (BeanDefinition candidate : scanner.findCandidateComponents("io.salesflow")) {
                Class<?> type = load(candidate.getBeanClassName());
                ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
                String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
                prefixes.add(prefix);
                addProperties(prefix, type, names, mapPrefixes);
            }
            return new KnownProperties(names, mapPrefixes, variables, prefixes);
        }

        private static void addProperties(String prefix, Class<?> type, Set<String> names, Set<String> mapPrefixes) {
            Map<String, Class<?>> members = new LinkedHashMap<>();
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    members.put(component.getName(), component.getType());
                }
            } else {
                for (Field field : type.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        members.put(field.getName(), field.getType());
                    }
                }
            }
            members.forEach((name, memberType) -> {
                String property = prefix + "." + kebab(name);
                if (Map.class.isAssignableFrom(memberType)) {
                    mapPrefixes.add(property);
                } else if (memberType.getName().startsWith("io.salesflow.") && !memberType.isEnum()) {
                    addProperties(property, memberType, names, mapPrefixes);
                } else {
                    names.add(property);
                }
            });
        }

        boolean covers(String variable) {
            if (variables.contains(variable)) {
                return true;
            }
            String relaxed = normalise(variable);
            return names.stream().map(KnownProperties::normalise).anyMatch(relaxed::equals)
                    || mapPrefixes.stream()
                            .map(KnownProperties::normalise)
                            .anyMatch(p -> relaxed.startsWith(p) && relaxed.length() > p.length());
        }

        /** Lower case without separators: SALESFLOW_AUTH_JWT_SECRET and salesflow.auth.jwt-secret meet. */
        private static String normalise(String name) {
            return name.toLowerCase(Locale.ROOT).replaceAll("[-._]", "");
        }

        private static String kebab(String camel) {
            return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        }

        private static Class<?> load(String name) {
            try {
                return Class.forName(name, false, KnownProperties.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Map<String, Object> service(String name) {
        assertThat(services).containsKey(name);
        return map(services.get(name));
    }

    private static Map<String, String> environment(String serviceName) {
        Object environment = service(serviceName).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((k, v) -> result.put(string(k), string(v)));
        } else if (environment instanceof List<?> lines) {
            for (Object line : lines) {
                String[] parts = string(line).split("=", 2);
                result.put(parts[0], parts.length > 1 ? parts[1] : null);
            }
        }
        return result;
    }

    private static String condition(String serviceName, String dependency) {
        Object dependsOn = service(serviceName).get("depends_on");
        assertThat(dependsOn)
                .as("%s depends on %s with a condition", serviceName, dependency)
                .isInstanceOf(Map.class);
        Map<String, Object> dependencies = map(dependsOn);
        assertThat(dependencies).as("%s depends on %s", serviceName, dependency).containsKey(dependency);
        return string(map(dependencies.get(dependency)).get("condition"));
    }

    private static String healthcheck(String serviceName) {
        Object healthcheck = service(serviceName).get("healthcheck");
        assertThat(healthcheck).as("%s has a healthcheck", serviceName).isInstanceOf(Map.class);
        return String.valueOf(map(healthcheck).get("test"));
    }

    private static Matcher jdbcUrl(Map<String, String> env) {
        String url = env.get("SPRING_DATASOURCE_URL");
        assertThat(url).isNotNull().matches(JDBC_URL);
        Matcher matcher = JDBC_URL.matcher(url);
        assertThat(matcher.matches()).isTrue();
        return matcher;
    }

    /** The SQL and shell files the postgres service mounts into /docker-entrypoint-initdb.d. */
    private static String initScript() {
        StringBuilder script = new StringBuilder();
        for (Object volume : list(service(POSTGRES).get("volumes"))) {
            String[] parts = string(volume).split(":");
            if (parts.length >= 2 && parts[1].startsWith("/docker-entrypoint-initdb.d")) {
                Path host = ROOT.resolve(parts[0]);
                try (Stream<Path> files =
                        Files.isDirectory(host) ? Files.list(host).sorted() : Stream.of(host)) {
                    files.filter(f -> f.toString().endsWith(".sql")
                                    || f.toString().endsWith(".sh"))
                            .forEach(f -> script.append(read(f)).append('\n'));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        assertThat(script).as("postgres mounts an init script").isNotEmpty();
        return script.toString();
    }

    private static List<Path> mountedFiles(Map<String, Object> service) {
        List<Path> files = new ArrayList<>();
        for (Object volume : list(service.get("volumes"))) {
            Path host = ROOT.resolve(string(volume).split(":")[0]);
            if (Files.isRegularFile(host)) {
                files.add(host);
            }
        }
        assertThat(files).as("configuration files mounted into the service").isNotEmpty();
        return files;
    }

    private static String child(Element parent, String tag) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                return element.getTextContent().trim();
            }
        }
        return null;
    }

    private static Map<String, Object> load(Path file) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        for (Object document : yaml.loadAll(read(file))) {
            return map(document);
        }
        throw new AssertionError("empty YAML: " + file);
    }

    private static Map<String, Object> flatten(String prefix, Map<String, Object> tree) {
        Map<String, Object> flat = new LinkedHashMap<>();
        tree.forEach((key, value) -> {
            String name = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?>) {
                flat.putAll(flatten(name, map(value)));
            } else {
                flat.put(name, value);
            }
        });
        return flat;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        Map<String, Object> result = new LinkedHashMap<>();
        ((Map<Object, Object>) value).forEach((k, v) -> result.put(string(k), v));
        return result;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> items ? items : List.of();
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
