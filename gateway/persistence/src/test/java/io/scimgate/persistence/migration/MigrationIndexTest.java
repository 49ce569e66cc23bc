package io.scimgate.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runner applies only what {@code db/migration/index.txt} names, so a file without its line there would be
 * skipped silently: every migration file on the classpath (where the runner reads) must be listed, every line
 * must name a file, and versions must be unique and ascending.
 */
class MigrationIndexTest {
  @Test
  void everyMigrationFileIsListedAndEveryLineNamesAFile() throws Exception {
    List<String> files = migrationFiles();
    // reading the index fails already on a line whose file is missing ("Missing classpath resource ...")
    List<String> listed = Migrations.fromClasspath().all().stream().map(Migration::name).toList();
    assertThat(files.stream().filter(file -> !listed.contains(file)).toList())
        .as("migration files not in index.txt: the runner would skip them").isEmpty();
    assertThat(listed.stream().filter(line -> !files.contains(line)).toList())
        .as("index.txt lines without a migration file").isEmpty();
    assertThat(listed).doesNotHaveDuplicates();
  }

  @Test
  void versionsAreUniqueAndAscendingInTheIndex() {
    List<Integer> versions = Migrations.fromClasspath().all().stream().map(Migration::version).toList();
    assertThat(versions).isSorted().doesNotHaveDuplicates();
  }

  /** The {@code .sql} files in the classpath folder the runner reads from (target/classes in a build). */
  private static List<String> migrationFiles() throws IOException, URISyntaxException {
    URL index = MigrationIndexTest.class.getClassLoader().getResource("db/migration/index.txt");
    assertThat(index).isNotNull();
    assertThat(index.getProtocol()).as("the migrations are a folder in a build").isEqualTo("file");
    try (Stream<Path> entries = Files.list(Path.of(index.toURI()).getParent())) {
      return entries.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".sql")).sorted()
          .toList();
    }
  }
}
