package io.scimgate.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No two top-level types of main code share a simple name, anywhere in the repository (every module's
 * {@code src/main/java}: the gateway's, the SDK's, the TCK's, the bundled and example connectors', the benchmarks').
 * One name, one idea: a reader who meets {@code Delivery} or {@code ConnectionSettings} should not have to look at
 * the import to know which one it is, and a search finds the one meant. The SDK's names (connectors-api) are public
 * API, so a clash is resolved by renaming the other type.
 */
class UniqueTypeNamesTest {
  /** A type declared outside any braces (nested types may repeat a name: they are read with their owner's). */
  private static final Pattern DECLARATION = Pattern.compile("\\b(?:class|interface|enum|record)\\s+([A-Z]\\w*)");

  @Test
  void noTwoMainTypesShareASimpleName() throws IOException {
    Map<String, List<String>> byName = new TreeMap<>();
    for (Path file : SourceTree.mainSources()) {
      for (String type : topLevelTypes(Files.readString(file))) {
        byName.computeIfAbsent(type, name -> new ArrayList<>()).add(SourceTree.relative(file));
      }
    }
    List<String> duplicates = new ArrayList<>();
    byName.forEach((name, files) -> {
      if (files.size() > 1) {
        duplicates.add(name + " is declared in " + String.join(" and ", files));
      }
    });
    assertThat(duplicates).as("types that share a simple name (rename one; not the SDK's)").isEmpty();
  }

  @Test
  void theCheckReadsEveryModule() throws IOException {
    List<String> modules = SourceTree.mainSources().stream().map(SourceTree::module).distinct().toList();
    assertThat(modules).contains("connectors/connectors-api", "connectors/connectors-tck",
        "connectors/examples/jumpcloud-connector", "gateway/scim-core", "gateway/persistence", "gateway/invites",
        "gateway/app", "plugins/idp-okta", "plugins/idp-onelogin", "benchmarks");
  }

  @Test
  void theCheckSeesTopLevelTypesOnlyAndNotWordsInCommentsOrStrings() {
    String source = """
        package a;
        /** A class of its own, a record of sorts. */
        public final class Outer {
          record Inner(int a) {}
          String text = "enum Fake";
        }
        sealed interface Second permits Outer {}
        """;
    assertThat(topLevelTypes(source)).containsExactly("Outer", "Second");
  }

  /** The names of the types declared at brace depth 0, comments and literals left out. */
  static List<String> topLevelTypes(String source) {
    String code = JavaSource.of(source).code();
    StringBuilder outside = new StringBuilder();
    int depth = 0;
    for (char c : code.toCharArray()) {
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      } else if (depth == 0) {
        outside.append(c);
      }
    }
    List<String> types = new ArrayList<>();
    Matcher declaration = DECLARATION.matcher(outside);
    while (declaration.find()) {
      types.add(declaration.group(1));
    }
    return types;
  }
}
