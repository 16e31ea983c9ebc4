-- Runs once, when the postgres container initialises an empty data volume (docker-entrypoint-initdb.d),
-- as the superuser. Creates what Salesflow expects of an external PostgreSQL, like the embedded
-- bootstrap does (platform.database.EmbeddedPostgresServer): the owner role, which runs Flyway and owns
-- every table, the runtime app role, which owns nothing and is subject to row-level security, and the
-- database. The passwords are for this local compose setup only; docker-compose.yml repeats them.

CREATE ROLE salesflow_owner LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD 'salesflow-owner-compose';
CREATE ROLE salesflow_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD 'salesflow-app-compose';

CREATE DATABASE salesflow OWNER salesflow_owner;
REVOKE ALL ON DATABASE salesflow FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE salesflow TO salesflow_app;

\connect salesflow
-- The schema belongs to the owner, so the app role can never create objects of its own.
ALTER SCHEMA public OWNER TO salesflow_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
