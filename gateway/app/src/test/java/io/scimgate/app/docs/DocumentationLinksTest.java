package io.scimgate.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.app.architecture.SourceTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in the repository's Markdown (README, CONTRIBUTING, docs/, the benchmarks' and the example
 * connector's READMEs) resolves to a file inside the repository, and its {@code #anchor}, if any, to a heading of
 * the Markdown file it names; nothing links outside the repository (the project's private notes included).
 */
class DocumentationLinksTest {
  private static final Path ROOT = SourceTree.ROOT;

  @Test
  void everyRelativeLinkResolvesInsideTheRepository() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path file : markdownFiles()) {
      String markdown = Files.readString(file);
      for (String target : MarkdownLinks.targets(markdown)) {
        String problem = problem(file, markdown, target);
        if (problem != null) {
          broken.add(ROOT.relativize(file) + ": (" + target + ") " + problem);
        }
      }
    }
    assertThat(broken).as("broken links").isEmpty();
  }

  @Test
  void theCheckCoversTheDocsAndFindsTheirLinks() throws IOException {
    List<Path> files = markdownFiles();
    assertThat(files).contains(ROOT.resolve("README.md"), ROOT.resolve("CONTRIBUTING.md"),
        ROOT.resolve("docs/architecture.md"), ROOT.resolve("docs/operations.md"));
    assertThat(MarkdownLinks.targets(Files.readString(ROOT.resolve("docs/architecture.md"))))
        .contains("../pom.xml", "operations.md");
    assertThat(MarkdownLinks.slug("Admin API (`/admin/v1`)")).isEqualTo("admin-api-adminv1");
    assertThat(MarkdownLinks.anchors("# A\n```\n# not a heading\n```\n## A\n")).containsExactly("a", "a-1");
  }

  @Test
  void noDocumentMentionsThePrivateNotesBesideTheRepository() throws IOException {
    for (Path file : markdownFiles()) {
      assertThat(Files.readString(file)).as(ROOT.relativize(file).toString()).doesNotContain("../shared");
    }
  }

  /** Null when the link is fine, else what is wrong with it. */
  private static String problem(Path file, String markdown, String target) throws IOException {
    if (target.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
      return null; // https:, mailto: ...: not a file of the repository
    }
    int hash = target.indexOf('#');
    String path = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
    if (!resolved.startsWith(ROOT)) {
      return "points outside the repository";
    }
    if (!Files.exists(resolved)) {
      return "no such file";
    }
    if (anchor != null && !anchor.isEmpty() && resolved.toString().endsWith(".md")) {
      String text = resolved.equals(file) ? markdown : Files.readString(resolved);
      if (!MarkdownLinks.anchors(text).contains(anchor)) {
        return "no heading makes #" + anchor;
      }
    }
    return null;
  }

  private static List<Path> markdownFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(ROOT)) {
      return walk.filter(path -> path.toString().endsWith(".md"))
          .filter(path -> ROOT.relativize(path).toString().split("/")[0].matches("[^.].*"))
          .filter(path -> !ROOT.relativize(path).toString().matches("(.*/)?(target|node_modules)/.*"))
          .sorted().toList();
    }
  }
}
